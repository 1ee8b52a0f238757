/**
 * Finds organizations at any level of the tree by name or handle and adds them to the draft.
 * Each match is named with its path, so two offices called "Europe" cannot be confused.
 */
import { useEffect, useId, useState } from 'react';
import type { CallResult } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { TextField } from '../../ui/TextField';
import { toVisibleString } from '../../ui/visibleText';
import { failureOf } from './sharingCall';

type Hit = CallResult<'searchOrgs'>['hits'][number];

export interface FoundOrg {
  orgId: string;
  name: string;
  path: string;
}

/** Waits for typing to pause before asking the main process. */
const SEARCH_DELAY_MS = 200;

export function pathOfHit(hit: Hit): string {
  return [...hit.path.map((step) => step.name), hit.node.name].join(' › ');
}

export function OrgFinder({
  chosen,
  onAdd,
}: {
  chosen: ReadonlySet<string>;
  onAdd: (org: FoundOrg) => void;
}): React.JSX.Element {
  const findOrganizations = useAppStore((state) => state.findOrganizations);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly Hit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();
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
          if (current) setProblem(failureOf(error).message);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, findOrganizations]);

  const shown = trimmed === '' ? [] : hits;
  return (
    <div className="sharing-org-finder">
      <TextField
        label="Find organizations at any level"
        type="search"
        value={query}
        hint="Type part of a name or handle. Organizations below the root’s children are reached by sharing their ancestor with its children."
        error={problem}
        aria-controls={listId}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul id={listId} className="sharing-org-hits" aria-label="Matching organizations">
        {shown.map((hit) => {
          const path = pathOfHit(hit);
          const added = chosen.has(hit.node.id);
          return (
            <li key={hit.node.id}>
              <SafeText value={path} className="sharing-org-hit-path" />
              <Button
                variant="ghost"
                disabled={added}
                aria-label={`${added ? 'Added' : 'Add'} ${toVisibleString(path)}`}
                onClick={() => onAdd({ orgId: hit.node.id, name: hit.node.name, path })}
              >
                {added ? 'Added' : 'Add'}
              </Button>
            </li>
          );
        })}
      </ul>
      <p className="sharing-dim" aria-live="polite">
        {trimmed === '' ? '' : `${shown.length} ${shown.length === 1 ? 'match' : 'matches'}`}
      </p>
    </div>
  );
}
