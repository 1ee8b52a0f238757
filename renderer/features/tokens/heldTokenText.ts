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

export interface AgentName {
  agentId: string;
  label: string;
}

/**
 * Who the token acts as, with the profile's label for a kept agent: `Support Assistant` for an
 * agent's own token, `Support Assistant for <user>` for a delegated one. `undefined` when the
 * actor is no kept agent, so the raw subject is shown alone.
 */
export function actorLabel(
  token: TokenSummaryView,
  agents: readonly AgentName[],
): string | undefined {
  const at = token.actor.indexOf(' for ');
  const agentId = at === -1 ? token.actor : token.actor.slice(0, at);
  const label = agents.find((agent) => agent.agentId === agentId)?.label;
  if (label === undefined || label === '') return undefined;
  return at === -1 ? label : `${label}${token.actor.slice(at)}`;
}

/** One line for a token in a select list; names are marked if they hide characters. */
export function heldTokenOption(token: TokenSummaryView, agents: readonly AgentName[]): string {
  const actor = actorLabel(token, agents) ?? token.actor;
  return toVisibleString(
    `${sourceLabel(token)} · ${organizationLabel(token)} · ${actor} · ${token.preview}`,
  );
}
