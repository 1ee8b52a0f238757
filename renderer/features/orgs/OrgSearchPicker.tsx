/**
 * A search box that finds organizations at any level of the active profile's tree and lists
 * the matches, each named with its path so two offices called "Europe" cannot be confused.
 * What a match offers (add it, pick it) is the caller's; the search and its list are shared.
 * The search state lives in `useOrgSearch`, held by the caller, so that it outlives the box
 * when a caller shows something else in its place for a while.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { CallResult } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { TextField } from '../../ui/TextField';

export type OrgHit = CallResult<'searchOrgs'>['hits'][number];

/** "Business › Business Europe › Berlin", from the ancestors the search returned. */
export function pathOfHit(hit: OrgHit): string {
  return [...hit.path.map((step) => step.name), hit.node.name].join(' › ');
}

export interface OrgSearch {
  query: string;
  setQuery: (query: string) => void;
  /** The matches for the current query; none while the box is empty. */
  shown: readonly OrgHit[];
  problem: string | null;
}

/**
 * Searches as the user types, once typing pauses for `delayMs`. `describeError` gives the
 * message for a failed search; keep it stable (module level), as a new one searches again.
 */
export function useOrgSearch(
  delayMs: number,
  describeError: (error: unknown) => string,
): OrgSearch {
  const findOrganizations = useAppStore((state) => state.findOrganizations);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly OrgHit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed === '') return;
    let current = true;
    const timer = setTimeout(() => {
      findOrganizations(trimmed).then(
        (found) => {
          if (!current) return;
          setHits(found);
          setProblem(null);
        },
        (error: unknown) => {
          if (current) setProblem(describeError(error));
        },
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, findOrganizations, delayMs, describeError]);

  return { query, setQuery, shown: trimmed === '' ? [] : hits, problem };
}

export interface OrgSearchPickerProps {
  search: OrgSearch;
  label: string;
  hint: string;
  /** Accessible name of the list of matches. */
  listLabel: string;
  className: string;
  listClassName: string;
  /** The content of one match's list item. */
  renderHit: (hit: OrgHit, path: string) => ReactNode;
  /** When given, a polite live line with this class below the list counts the matches. */
  countClassName?: string;
}

export function OrgSearchPicker({
  search,
  label,
  hint,
  listLabel,
  className,
  listClassName,
  renderHit,
  countClassName,
}: OrgSearchPickerProps): React.JSX.Element {
  const { query, setQuery, shown, problem } = search;
  const listId = useId();

  return (
    <div className={className}>
      <TextField
        label={label}
        type="search"
        value={query}
        hint={hint}
        error={problem}
        aria-controls={listId}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul id={listId} className={listClassName} aria-label={listLabel}>
        {shown.map((hit) => (
          <li key={hit.node.id}>{renderHit(hit, pathOfHit(hit))}</li>
        ))}
      </ul>
      {countClassName !== undefined && (
        <p className={countClassName} aria-live="polite">
          {query.trim() === '' ? '' : `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}`}
        </p>
      )}
    </div>
  );
}
