/**
 * One rendered row of the virtualized tree: an organization, a "Loading…" placeholder, or a
 * load error with Retry. Position and ARIA values come from the row model, never the DOM.
 */
import { memo, type ReactNode } from 'react';
import { AlertIcon, ChevronDownIcon, ChevronRightIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import '../../ui/feedback.css';
import type { OrgNode } from './source';
import type { TreeRow } from './treeModel';

export interface OrgTreeRowProps {
  row: TreeRow;
  index: number;
  top: number;
  height: number;
  tabbable: boolean;
  selected: boolean;
  onPath: boolean;
  decorate: ((node: OrgNode) => ReactNode) | undefined;
  onRowClick: (index: number) => void;
  onToggle: (id: string, expanded: boolean) => void;
  onRetry: (parentId: string | null) => void;
  setElement: (key: string, element: HTMLDivElement | null) => void;
}

/** Full names in tooltips, but not a 10 000-character one. */
const TOOLTIP_MAX = 300;

function tooltip(name: string): string {
  const visible = toVisibleString(name);
  return visible.length > TOOLTIP_MAX ? `${visible.slice(0, TOOLTIP_MAX)}…` : visible;
}

/** Indentation per level, in pixels. */
const INDENT = 18;

function NodeContent({
  node,
  expanded,
  onToggle,
}: {
  node: OrgNode;
  expanded: boolean | null;
  onToggle: (id: string, expanded: boolean) => void;
}): React.JSX.Element {
  return (
    <>
      {expanded === null ? (
        <span className="org-tree-toggle" aria-hidden="true" />
      ) : (
        // The row itself carries aria-expanded; this is the mouse target only.
        <span
          className="org-tree-toggle org-tree-toggle-active"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggle(node.id, !expanded);
          }}
        >
          {expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
        </span>
      )}
      <SafeText value={node.name} className="org-tree-name" />{' '}
      <SafeText value={node.orgHandle} className="org-tree-handle" />{' '}
    </>
  );
}

export const OrgTreeRow = memo(function OrgTreeRow({
  row,
  index,
  top,
  height,
  tabbable,
  selected,
  onPath,
  decorate,
  onRowClick,
  onToggle,
  onRetry,
  setElement,
}: OrgTreeRowProps): React.JSX.Element {
  const isNode = row.kind === 'node';
  const classes = ['org-tree-row', `org-tree-row-${row.kind}`];
  if (selected) classes.push('org-tree-row-selected');
  if (onPath) classes.push('org-tree-row-on-path');

  return (
    <div
      ref={(element) => setElement(row.key, element)}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={isNode && row.expanded !== null ? row.expanded : undefined}
      aria-selected={isNode ? selected : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      className={classes.join(' ')}
      style={{
        transform: `translateY(${top}px)`,
        height,
        paddingInlineStart: (row.level - 1) * INDENT + 4,
      }}
      title={isNode ? tooltip(row.node.name) : undefined}
      onClick={() => onRowClick(index)}
    >
      {row.kind === 'node' ? (
        <>
          <NodeContent node={row.node} expanded={row.expanded} onToggle={onToggle} />
          {decorate?.(row.node)}
        </>
      ) : row.kind === 'loading' ? (
        <>
          <span className="spinner-wheel" aria-hidden="true" />
          <span>Loading…</span>
        </>
      ) : (
        <>
          <AlertIcon />
          <span className="org-tree-error-text">
            Could not load organizations: <SafeText value={row.message} />
          </span>
          <button
            type="button"
            tabIndex={-1}
            className="org-tree-retry"
            onClick={(event) => {
              event.stopPropagation();
              onRetry(row.parentId);
            }}
          >
            Retry
          </button>
        </>
      )}
    </div>
  );
});
