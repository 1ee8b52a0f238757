/**
 * The delegation chain as a picture: the user at the top, acted for by the current actor,
 * which was acted for by prior actors. Drawn as SVG from React elements (no markup strings);
 * each node is focusable and named, and an ordered list says the same in text.
 */
import { useId } from 'react';
import type { InspectionReportView } from '../../../preload/contract';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { chainNodes, chainSummary, shortId, type ChainNode } from './chainModel';

const WIDTH = 380;
const BOX_HEIGHT = 60;
const GAP = 40;
const MARGIN = 8;

const ROLE_TITLES: Readonly<Record<ChainNode['role'], string>> = {
  subject: 'User (subject)',
  'current actor': 'Current actor',
  'prior (informational)': 'Prior actor (informational)',
};

function nodeName(node: ChainNode): string {
  const flags = node.flags.length > 0 ? `; flags: ${node.flags.join(', ')}` : '';
  const depth = node.depth > 0 ? `, depth ${node.depth}` : '';
  return toVisibleString(`${ROLE_TITLES[node.role]}${depth}: ${node.id}${flags}`);
}

function roleClass(role: ChainNode['role']): string {
  if (role === 'subject') return 'tokens-chain-subject';
  return role === 'current actor' ? 'tokens-chain-current' : 'tokens-chain-prior';
}

function Node({ node, y }: { node: ChainNode; y: number }) {
  const flags = node.flags.length > 0 ? `⚑ ${node.flags.join(', ')}` : null;
  return (
    <g
      role="img"
      aria-label={nodeName(node)}
      tabIndex={0}
      className={`tokens-chain-node ${roleClass(node.role)}`}
    >
      <rect x={MARGIN} y={y} width={WIDTH - 2 * MARGIN} height={BOX_HEIGHT} rx={6} />
      <text x={MARGIN + 12} y={y + 20} className="tokens-chain-role">
        {ROLE_TITLES[node.role]}
        {node.depth > 0 ? ` · depth ${node.depth}` : ''}
      </text>
      <text x={MARGIN + 12} y={y + 38} className="tokens-chain-id">
        {shortId(toVisibleString(node.id), 44)}
      </text>
      {flags ? (
        <text x={MARGIN + 12} y={y + 54} className="tokens-chain-flags">
          {flags.length > 52 ? `${flags.slice(0, 51)}…` : flags}
        </text>
      ) : null}
    </g>
  );
}

function Arrow({ y }: { y: number }) {
  const x = WIDTH / 2;
  return (
    <g className="tokens-chain-arrow" aria-hidden="true">
      <line x1={x} y1={y} x2={x} y2={y + GAP - 6} />
      <path d={`M${x - 5} ${y + GAP - 11} L${x} ${y + GAP - 4} L${x + 5} ${y + GAP - 11}`} />
      <text x={x + 10} y={y + GAP / 2 + 4}>
        acted for by
      </text>
    </g>
  );
}

export function DelegationChain({ report }: { report: InspectionReportView }): React.JSX.Element {
  const titleId = useId();
  const nodes = chainNodes(report);
  const chain = report.actorChain;
  const summary = chainSummary(nodes, chain.truncated);
  const height = nodes.length * BOX_HEIGHT + (nodes.length - 1) * GAP + 2 * MARGIN;

  return (
    <section className="tokens-chain" aria-labelledby={titleId}>
      <h3 id={titleId}>Delegation chain</h3>
      {chain.links.length === 0 ? (
        <p>No delegation: the token has no act claim, so its subject acts for itself.</p>
      ) : (
        <>
          <div className="tokens-chain-picture">
            <svg
              role="group"
              aria-label={toVisibleString(summary)}
              width={WIDTH}
              height={height}
              viewBox={`0 0 ${WIDTH} ${height}`}
            >
              {nodes.map((node, index) => {
                const y = MARGIN + index * (BOX_HEIGHT + GAP);
                return (
                  <g key={node.key}>
                    {index > 0 ? <Arrow y={y - GAP} /> : null}
                    <Node node={node} y={y} />
                  </g>
                );
              })}
            </svg>
          </div>
          <ol className="tokens-chain-list" aria-label="Delegation chain as text">
            {nodes.map((node) => (
              <li key={node.key}>
                <strong>{ROLE_TITLES[node.role]}</strong>
                {node.depth > 0 ? ` (depth ${node.depth})` : ''}:{' '}
                <SafeText value={node.id} className="tokens-mono tokens-wrap" />
                {node.flags.length > 0 ? (
                  <span className="tokens-problem"> — flags: {node.flags.join(', ')}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
      {chain.truncated ? (
        <p className="tokens-problem">The chain is deeper than the limit and was cut off.</p>
      ) : null}
      {chain.warnings.length > 0 ? (
        <ul className="tokens-reasons">
          {chain.warnings.map((warning, index) => (
            <li key={index}>
              <SafeText value={warning} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
