/**
 * Upgrades of the stored profile document, one schema version at a time. Each step reads the
 * old layout through its own schema, so a damaged old file is detected, not half-converted.
 */
import { z } from 'zod';
import { normalizeSha256 } from '../http/trust';
import {
  ASGARDEO_BASE_URLS,
  CURRENT_SCHEMA_VERSION,
  describeIssues,
  type ProfileKind,
  storeDocumentSchema,
  type StoreDocument,
} from './schema';

/**
 * Version 1 (the 0.x previews): a flat record per profile — the server URL possibly ending in
 * `/t/{tenant}`, the tenant domain, one client id with a flag for interactive sign-in,
 * optional CA and pin fields side by side, and agents as bare ids.
 */
const v1ProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  serverUrl: z.string(),
  tenant: z.string(),
  clientId: z.string(),
  interactive: z.boolean().optional(),
  caCertPem: z.string().optional(),
  pinnedCertSha256: z.string().optional(),
  proxy: z.string().optional(),
  agents: z.array(z.string()).optional(),
});
const v1DocumentSchema = z.object({
  schemaVersion: z.literal(1),
  profiles: z.array(v1ProfileSchema),
});
type V1Profile = z.infer<typeof v1ProfileSchema>;

function kindOfHost(host: string): ProfileKind {
  for (const [kind, url] of Object.entries(ASGARDEO_BASE_URLS)) {
    if (new URL(url).host === host) return kind as ProfileKind;
  }
  return 'wso2is';
}

function migrateProfileV1(old: V1Profile): unknown {
  const url = new URL(old.serverUrl);
  const tenantSuffix = new RegExp(`/t/${old.tenant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`);
  const path = url.pathname.replace(tenantSuffix, '').replace(/\/+$/, '');
  const trust =
    old.pinnedCertSha256 !== undefined
      ? { type: 'pin', sha256: normalizeSha256(old.pinnedCertSha256) }
      : old.caCertPem !== undefined
        ? { type: 'ca', pem: old.caCertPem }
        : { type: 'system' };
  return {
    id: old.id,
    name: old.name,
    kind: kindOfHost(url.host),
    baseUrl: `${url.origin}${path}`,
    rootOrgHandle: old.tenant,
    adminAuth: {
      type: old.interactive === true ? 'interactive' : 'client-credentials',
      clientId: old.clientId,
    },
    trust,
    ...(old.proxy === undefined ? {} : { proxyUrl: old.proxy }),
    agents: (old.agents ?? []).map((agentId) => ({ agentId, label: agentId })),
    ...(old.id === 'sandbox' ? { sandbox: true } : {}),
  };
}

function migrateV1toV2(raw: unknown): unknown {
  const old = v1DocumentSchema.parse(raw);
  return { schemaVersion: 2, profiles: old.profiles.map(migrateProfileV1) };
}

/** Step `n` turns a version-`n` document into a version-`n + 1` one. */
const STEPS: Record<number, (raw: unknown) => unknown> = { 1: migrateV1toV2 };

export type MigrationResult =
  | { ok: true; document: StoreDocument; migratedFrom?: number }
  | { ok: false; problem: 'invalid'; reason: string }
  | { ok: false; problem: 'newer'; version: number };

/** Reads `{ schemaVersion, profiles }` as found on disk, upgrading it to the current version. */
export function migrateDocument(raw: {
  schemaVersion: unknown;
  profiles: unknown;
}): MigrationResult {
  if (raw.schemaVersion === undefined && raw.profiles === undefined) {
    return { ok: true, document: { schemaVersion: CURRENT_SCHEMA_VERSION, profiles: [] } };
  }
  // The first previews wrote no version number.
  const found = raw.schemaVersion ?? 1;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    return { ok: false, problem: 'invalid', reason: 'schemaVersion: not a positive integer' };
  }
  if (found > CURRENT_SCHEMA_VERSION) return { ok: false, problem: 'newer', version: found };

  let current: unknown = { schemaVersion: found, profiles: raw.profiles };
  try {
    for (let version = found; version < CURRENT_SCHEMA_VERSION; version++) {
      const step = STEPS[version];
      if (step === undefined) throw new Error(`no migration from version ${version}`);
      current = step(current);
    }
  } catch (error) {
    const reason =
      error instanceof z.ZodError
        ? `version ${found}: ${describeIssues(error)}`
        : error instanceof Error
          ? error.message
          : String(error);
    return { ok: false, problem: 'invalid', reason };
  }

  const parsed = storeDocumentSchema.safeParse(current);
  if (!parsed.success)
    return { ok: false, problem: 'invalid', reason: describeIssues(parsed.error) };
  return {
    ok: true,
    document: parsed.data,
    ...(found === CURRENT_SCHEMA_VERSION ? {} : { migratedFrom: found }),
  };
}
