/** Handlers for the token inspector calls. */
import type { Handlers, TokenSource } from '../../../preload/contract';
import { decodeToken, diffTokens, inspectToken, type InspectDeps } from '../../tokens';
import { AppFailure } from '../errors';

export interface TokenHandlerDeps {
  clock: () => Date;
  /** The raw value of a token the app holds, by its reference. */
  heldToken(tokenRef: string): string | undefined;
  /** Issuer keys and expectations of a profile, so its tokens can be verified. */
  verificationFor(profileId: string): Promise<InspectDeps['verification']>;
  /** Posts a form to a profile's introspection endpoint with its client credentials. */
  introspectorFor(profileId: string): Promise<InspectDeps['introspect']>;
}

function rawOf(source: TokenSource, deps: TokenHandlerDeps): string {
  if (source.kind === 'raw') return source.token;
  const held = deps.heldToken(source.tokenRef);
  if (held === undefined) {
    throw new AppFailure('not-found', 'That token is no longer held; it was revoked or expired.', {
      field: 'tokenRef',
    });
  }
  return held;
}

export function tokenHandlers(
  deps: TokenHandlerDeps,
): Pick<Handlers, 'inspectToken' | 'diffTokens'> {
  return {
    inspectToken: async ({ source, profileId, introspect }) => {
      const raw = rawOf(source, deps);
      const verification = profileId ? await deps.verificationFor(profileId) : undefined;
      const introspector =
        profileId && introspect ? await deps.introspectorFor(profileId) : undefined;
      return inspectToken(raw, {
        clock: deps.clock,
        ...(verification ? { verification } : {}),
        ...(introspector ? { introspect: introspector } : {}),
      });
    },
    diffTokens: ({ a, b }) => {
      const left = decodeToken(rawOf(a, deps));
      const right = decodeToken(rawOf(b, deps));
      if (left.kind !== 'jwt' || right.kind !== 'jwt') {
        const which = left.kind !== 'jwt' ? 'a' : 'b';
        throw new AppFailure('invalid-input', 'Only JWTs can be compared claim by claim.', {
          field: which,
        });
      }
      return Promise.resolve(diffTokens(left.payload, right.payload));
    },
  };
}
