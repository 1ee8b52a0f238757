/**
 * Picks a target organization by searching the active profile's tree. Results are buttons in a
 * list; the chosen organization is named with its path so two "Europe"s cannot be confused.
 */
import { useEffect, useId, useState } from 'react';
import type { CallResult } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { TextField } from '../../ui/TextField';
import { describeThrown } from './flowErrors';

type Hit = CallResult<'searchOrgs'>['hits'][number];

export interface PickedOrg {
  id: string;
  name: string;
  path: string;
}

export interface OrgPickerProps {
  label: string;
  value: PickedOrg | null;
  onChange: (org: PickedOrg | null) => void;
}

/** Waits for typing to pause before asking the main process. */
const SEARCH_DELAY_MS = 250;

function pathOf(hit: Hit): string {
  return [...hit.path.map((part) => part.name), hit.node.name].join(' › ');
}

export function OrgPicker({ label, value, onChange }: OrgPickerProps): React.JSX.Element {
  const findOrganizations = useAppStore((state) => state.findOrganizations);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly Hit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const trimmed = query.trim();
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
          if (current) setProblem(describeThrown(error, 'Search failed').message);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, findOrganizations]);

  if (value) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <div className="tokens-picked">
          <span className="tokens-picked-name">
            <SafeText value={value.path} />
          </span>
          <span className="tokens-mono tokens-dim">{value.id}</span>
          <Button variant="ghost" onClick={() => onChange(null)}>
            Change organization
          </Button>
        </div>
      </div>
    );
  }

  const shown = query.trim() === '' ? [] : hits;
  return (
    <div className="tokens-org-picker">
      <TextField
        label={label}
        type="search"
        value={query}
        hint="Type part of an organization’s name or handle."
        error={problem}
        aria-controls={listId}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul id={listId} className="tokens-org-hits" aria-label={`${label}: matches`}>
        {shown.map((hit) => (
          <li key={hit.node.id}>
            <button
              type="button"
              className="tokens-org-hit"
              onClick={() => onChange({ id: hit.node.id, name: hit.node.name, path: pathOf(hit) })}
            >
              <SafeText value={pathOf(hit)} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
