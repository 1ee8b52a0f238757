/**
 * Secret keys are namespaced per profile: `sharedesk/<profileId>/<kind>/<name>`. Each part is
 * checked so that no input can reach into another profile's namespace.
 */

export type SecretKind = 'client-secret' | 'agent-secret';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,199}$/;

function checkSegment(label: string, value: string): void {
  if (!SEGMENT.test(value) || value.includes('..')) {
    throw new TypeError(`Invalid ${label} for a secret key: letters, digits, . _ @ - only.`);
  }
}

export function secretKey(profileId: string, kind: SecretKind, name: string): string {
  checkSegment('profile id', profileId);
  checkSegment('name', name);
  return `sharedesk/${profileId}/${kind}/${name}`;
}
