/** Words for a held token: where it acts, for whom, and how it was obtained. */
import type { TokenSummaryView } from '../../../preload/contract';
import { toVisibleString } from '../../ui/visibleText';

const SOURCE_LABELS: Readonly<Record<TokenSummaryView['source'], string>> = {
  'agent-login': 'Agent login',
  'client-credentials': 'Admin application',
  'organization-switch': 'Organization switch',
  obo: 'OBO (delegated)',
};

export function sourceLabel(token: TokenSummaryView): string {
  return SOURCE_LABELS[token.source];
}

/** The organization's name from the token's claims when it has them, else its id. */
export function organizationLabel(token: TokenSummaryView): string {
  const name = token.claims?.org_name;
  if (token.organizationId === null) return 'Root organization';
  return typeof name === 'string' ? `${name} (${token.organizationId})` : token.organizationId;
}

/** One line for a token in a select list; names are marked if they hide characters. */
export function heldTokenOption(token: TokenSummaryView): string {
  return toVisibleString(
    `${sourceLabel(token)} · ${organizationLabel(token)} · ${token.actor} · ${token.preview}`,
  );
}
