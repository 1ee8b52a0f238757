/**
 * The search box above the tree: searches every level as the user types, lists hits with
 * their paths, and reveals a chosen hit in the tree. Down moves from the box into the hits.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { formatCount } from '../../ui/format';
import { TextField } from '../../ui/TextField';
import { toVisibleString } from '../../ui/visibleText';
import { SearchResults } from './SearchResults';

/** Wait this long after the last keystroke before asking the source. */
export const SEARCH_DEBOUNCE_MS = 150;

function statusText(status: string, count: number, query: string, error: string | null): string {
  switch (status) {
    case 'searching':
      return 'Searching…';
    case 'done':
      return count === 0
        ? `No organization matches “${toVisibleString(query)}”.`
        : `${formatCount(count)} ${count === 1 ? 'organization' : 'organizations'} found.`;
    case 'failed':
      return `Search failed: ${toVisibleString(error ?? 'unknown error')}`;
    default:
      return '';
  }
}

export function OrgSearch(): React.JSX.Element {
  const searchOrgs = useAppStore((state) => state.searchOrgs);
  const clearSearch = useAppStore((state) => state.clearSearch);
  const revealOrg = useAppStore((state) => state.revealOrg);
  const hits = useAppStore((state) => state.searchHits);
  const status = useAppStore((state) => state.searchStatus);
  const query = useAppStore((state) => state.searchQuery);
  const error = useAppStore((state) => state.searchError);
  const pendingFocus = useAppStore((state) => state.pendingFocus);
  const consumePendingFocus = useAppStore((state) => state.consumePendingFocus);
  const [text, setText] = useState(query);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => void searchOrgs(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, searchOrgs]);

  useEffect(() => {
    if (pendingFocus !== 'search') return;
    inputRef.current?.focus();
    inputRef.current?.select();
    consumePendingFocus();
  }, [pendingFocus, consumePendingFocus]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      listRef.current?.querySelector('button')?.focus();
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      setText('');
      clearSearch();
    }
  };

  return (
    <search className="org-search">
      <TextField
        ref={inputRef}
        type="search"
        label="Search organizations"
        hint="Name or handle, at any level. Press Down to move to the results."
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onInputKeyDown}
      />
      <p role="status" className="org-search-status">
        {statusText(status, hits.length, query, error)}
      </p>
      <SearchResults
        hits={hits}
        query={query}
        listRef={listRef}
        onChoose={(hit) => void revealOrg(hit)}
        onEscape={() => inputRef.current?.focus()}
      />
    </search>
  );
}
