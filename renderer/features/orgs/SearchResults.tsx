/**
 * The hits of an org search, each with its path from the root. Choosing one reveals it in
 * the tree. Up and Down move between hits; Escape goes back to the search box.
 */
import type { KeyboardEvent, RefObject } from 'react';
import { SafeText } from '../../ui/SafeText';
import { HighlightedText } from './HighlightedText';
import type { SearchHit } from './source';

export interface SearchResultsProps {
  hits: readonly SearchHit[];
  query: string;
  onChoose: (hit: SearchHit) => void;
  onEscape: () => void;
  listRef: RefObject<HTMLUListElement | null>;
}

function focusSibling(current: HTMLElement, step: 1 | -1): void {
  const item = current.closest('li');
  const sibling = step === 1 ? item?.nextElementSibling : item?.previousElementSibling;
  sibling?.querySelector<HTMLButtonElement>('button')?.focus();
}

export function SearchResults({
  hits,
  query,
  onChoose,
  onEscape,
  listRef,
}: SearchResultsProps): React.JSX.Element | null {
  if (hits.length === 0) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (!(event.target instanceof HTMLElement)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusSibling(event.target, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };

  return (
    <ul
      ref={listRef}
      className="org-search-results"
      aria-label="Search results"
      onKeyDown={onKeyDown}
    >
      {hits.map((hit) => (
        <li key={hit.node.id}>
          <button type="button" className="org-search-hit" onClick={() => onChoose(hit)}>
            <HighlightedText value={hit.node.name} query={query} className="org-search-name" />
            <HighlightedText value={hit.node.orgHandle} query={query} className="org-tree-handle" />
            <span className="org-search-path">
              {hit.path.length === 0 ? (
                'Top level'
              ) : (
                <>
                  {/* Read as one phrase; the › separators are only drawn. */}
                  <span className="visually-hidden">
                    in {hit.path.map((step) => step.name).join(', ')}
                  </span>
                  <span aria-hidden="true">
                    {hit.path.map((step, index) => (
                      <span key={step.id}>
                        {index > 0 ? ' › ' : null}
                        <SafeText value={step.name} />
                      </span>
                    ))}
                  </span>
                </>
              )}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
