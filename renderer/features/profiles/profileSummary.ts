/** One-line descriptions of a saved profile's settings, for the list and the read-only view. */
import type { ProfileView } from '../../../preload/contract';
import { KIND_LABELS } from './profileForm';

/** `AB:CD:EF:…:89:0A`: enough to recognise a fingerprint, short enough for a list. */
export function shortFingerprint(sha256: string): string {
  const pairs = sha256.split(':');
  return pairs.length <= 6
    ? sha256
    : `${pairs.slice(0, 3).join(':')}:…:${pairs.slice(-2).join(':')}`;
}

export function trustSummary(trust: ProfileView['trust']): string {
  switch (trust.type) {
    case 'system':
      return 'System certificate authorities';
    case 'ca':
      return 'Custom CA certificate';
    case 'pin':
      return `Pinned certificate ${shortFingerprint(trust.sha256)}`;
  }
}

export function authSummary(profile: ProfileView): string {
  if (profile.adminAuth.type === 'interactive') {
    return `Interactive sign-in (client ${profile.adminAuth.clientId})`;
  }
  const secret = profile.clientSecret;
  const presence = secret.set ? `set${secret.hint ? ` ${secret.hint}` : ''}` : 'not set';
  return `Client credentials: ${profile.adminAuth.clientId}, secret ${presence}`;
}

export interface ProfileFact {
  term: string;
  value: string;
}

export function profileFacts(profile: ProfileView): ProfileFact[] {
  const facts: ProfileFact[] = [
    { term: 'Server', value: KIND_LABELS[profile.kind] },
    {
      term: 'Base URL',
      value: profile.baseUrl || (profile.sandbox ? 'Assigned when the Sandbox starts' : '—'),
    },
    { term: 'Root organization', value: profile.rootOrgHandle },
    { term: 'Administrator sign-in', value: authSummary(profile) },
    { term: 'Trust', value: trustSummary(profile.trust) },
  ];
  if (profile.proxyUrl) facts.push({ term: 'Proxy', value: profile.proxyUrl });
  const agents = profile.agents.length;
  facts.push({
    term: 'Agent credentials',
    value: agents === 0 ? 'None kept' : `${agents} agent${agents === 1 ? '' : 's'}`,
  });
  return facts;
}
