/**
 * The issuer's signing keys, found through OIDC discovery and cached. An unknown `kid` may
 * mean the issuer rotated its keys, so it triggers a refetch, but at most one fetch per
 * cooldown window: a stream of tokens with made-up kids must not turn into a stream of requests.
 * Only keys from the issuer's own discovery document are trusted; keys named by a token are not.
 */
import type { JWK } from 'jose';
import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { KeyQuery, KeyResolution, KeyResolver } from './keys';
import { describeIssues, fieldIssues } from './schema-issues';

export interface JwksResolverOptions {
  /** The configured issuer exactly as in `iss`, e.g. `https://localhost:9443/oauth2/token`. */
  issuer: string;
  fetchJson: (url: string) => Promise<unknown>;
  clock: () => Date;
  logger: Logger;
  /** Minimum time between two fetches; default 60 s. */
  refetchCooldownMs?: number;
  /** Keys older than this are refreshed on the next lookup; default 1 h. */
  maxAgeMs?: number;
}

const DiscoverySchema = z.looseObject({ issuer: z.string(), jwks_uri: z.string() });
const JwksSchema = z.looseObject({ keys: z.array(z.unknown()).max(200) });

const KeyCommon = {
  kid: z.string().min(1),
  alg: z.string().optional(),
  use: z.string().optional(),
};
const RsaKeySchema = z.looseObject({
  kty: z.literal('RSA'),
  n: z.string().min(1),
  e: z.string().min(1),
  ...KeyCommon,
});
const EcKeySchema = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().min(1),
  y: z.string().min(1),
  ...KeyCommon,
});
const PublicKeySchema = z.discriminatedUnion('kty', [RsaKeySchema, EcKeySchema]);

type Loaded = { ok: true; keys: Map<string, JWK[]> } | { ok: false; message: string };

export function createJwksResolver(options: JwksResolverOptions): KeyResolver {
  const { issuer, fetchJson, clock, logger } = options;
  const cooldownMs = options.refetchCooldownMs ?? 60_000;
  const maxAgeMs = options.maxAgeMs ?? 3_600_000;

  let keys = new Map<string, JWK[]>();
  let loadedAt: number | undefined;
  let lastFetchAt: number | undefined;
  let lastError: string | undefined;
  let jwksUri: string | undefined;
  let inflight: Promise<void> | undefined;

  // Known shortcoming: one timestamp gates every fetch, so a key rotated within the cooldown
  // after the last fetch stays unknown until the window ends (the price of the request cap).
  const mayFetch = (now: number) => lastFetchAt === undefined || now - lastFetchAt >= cooldownMs;

  const refresh = (): Promise<void> => {
    inflight ??= (async () => {
      lastFetchAt = clock().getTime();
      const outcome = await load();
      if (outcome.ok) {
        keys = outcome.keys;
        loadedAt = clock().getTime();
        lastError = undefined;
        logger.info('signing keys fetched', { keyCount: outcome.keys.size });
      } else {
        lastError = outcome.message;
        logger.warn('signing keys could not be fetched', { reason: outcome.message });
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  const load = async (): Promise<Loaded> => {
    try {
      jwksUri ??= await discoverJwksUri(issuer, fetchJson);
      return { ok: true, keys: parseJwks(await fetchJson(jwksUri), logger) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : 'unknown error' };
    }
  };

  return {
    async resolve(query: KeyQuery): Promise<KeyResolution> {
      const now = clock().getTime();
      const stale = loadedAt === undefined || now - loadedAt >= maxAgeMs;
      if (inflight !== undefined) await inflight;
      else if (stale && mayFetch(now)) await refresh();

      let jwk = pick(keys.get(query.kid), query.alg);
      if (jwk === undefined && loadedAt !== undefined && mayFetch(clock().getTime())) {
        await refresh();
        jwk = pick(keys.get(query.kid), query.alg);
      }

      if (jwk !== undefined) return { kind: 'found', jwk };
      if (loadedAt === undefined) {
        return {
          kind: 'unavailable',
          message: `issuer keys unavailable: ${lastError ?? 'not fetched'}`,
        };
      }
      return { kind: 'unknown_kid', message: 'the issuer publishes no key with this kid' };
    },
  };
}

async function discoverJwksUri(
  issuer: string,
  fetchJson: (url: string) => Promise<unknown>,
): Promise<string> {
  const issuerUrl = new URL(issuer);
  const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const parsed = DiscoverySchema.safeParse(await fetchJson(discoveryUrl));
  if (!parsed.success) {
    throw new Error(`discovery document: ${describeIssues(fieldIssues(parsed.error))}`);
  }
  if (parsed.data.issuer !== issuer) {
    throw new Error('discovery document names a different issuer');
  }

  const jwksUrl = URL.canParse(parsed.data.jwks_uri) ? new URL(parsed.data.jwks_uri) : undefined;
  if (jwksUrl?.protocol !== 'https:' || jwksUrl.origin !== issuerUrl.origin) {
    throw new Error("discovery jwks_uri is not https on the issuer's origin");
  }
  return jwksUrl.href;
}

/** Keeps RSA and P-256 signing keys with a kid, copied down to their public members only. */
function parseJwks(body: unknown, logger: Logger): Map<string, JWK[]> {
  const parsed = JwksSchema.safeParse(body);
  if (!parsed.success) throw new Error(`JWKS: ${describeIssues(fieldIssues(parsed.error))}`);

  const keys = new Map<string, JWK[]>();
  let skipped = 0;
  for (const entry of parsed.data.keys) {
    const key = PublicKeySchema.safeParse(entry);
    if (!key.success) {
      skipped++;
      continue;
    }
    const { kid, alg, use } = key.data;
    const material =
      key.data.kty === 'RSA'
        ? { kty: 'RSA' as const, n: key.data.n, e: key.data.e }
        : { kty: 'EC' as const, crv: key.data.crv, x: key.data.x, y: key.data.y };
    const jwk: JWK = { ...material, kid, ...(alg && { alg }), ...(use && { use }) };
    keys.set(kid, [...(keys.get(kid) ?? []), jwk]);
  }
  if (skipped > 0) logger.debug('JWKS entries skipped (unsupported or incomplete)', { skipped });
  return keys;
}

/** Among keys sharing a kid, prefers the one published for the token's algorithm. */
function pick(candidates: JWK[] | undefined, alg: string): JWK | undefined {
  if (candidates === undefined) return undefined;
  return (
    candidates.find((k) => k.alg === alg) ??
    candidates.find((k) => k.alg === undefined) ??
    candidates[0]
  );
}
