/**
 * The delegation chain as nodes to draw: the subject (the user the token is about) first,
 * then the current actor, then each prior actor. Only the outermost `act` acts now; deeper
 * ones are history (RFC 8693 §4.1), which the labels say in words.
 */
import type { InspectionReportView, JsonValue } from '../../../preload/contract';

export interface ChainNode {
  readonly key: string;
  readonly role: 'subject' | 'current actor' | 'prior (informational)';
  readonly id: string;
  readonly depth: number;
  readonly flags: readonly string[];
}

function claimText(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export function chainNodes(report: InspectionReportView): ChainNode[] {
  const sub = report.claims.find((claim) => claim.claim === 'sub');
  const nodes: ChainNode[] = [
    {
      key: 'subject',
      role: 'subject',
      id: claimText(sub?.value) ?? '(no subject)',
      depth: 0,
      flags: [],
    },
  ];
  for (const link of report.actorChain.links) {
    nodes.push({
      key: `actor-${link.depth}`,
      role: link.label,
      id: link.sub ?? '(no sub)',
      depth: link.depth,
      flags: link.flags,
    });
  }
  return nodes;
}

/** One sentence for screen readers that says the whole chain. */
export function chainSummary(nodes: readonly ChainNode[], truncated: boolean): string {
  const [subject, ...actors] = nodes;
  if (!subject) return 'No delegation.';
  if (actors.length === 0) return `No actor: ${subject.id} acts for itself.`;
  const parts = actors.map((node) => `${node.role} ${node.id}`);
  const tail = truncated ? ' The chain was cut off at the depth limit.' : '';
  return `Subject ${subject.id}, acted for by ${parts.join(', then by ')}.${tail}`;
}

/** A node id shortened to fit a box; the full id is in the text list and the node's label. */
export function shortId(id: string, max = 22): string {
  return id.length <= max ? id : `${id.slice(0, max - 9)}…${id.slice(-8)}`;
}
