/**
 * Picks a target organization by searching the active profile's tree. Results are buttons in a
 * list; the chosen organization is named with its path so two "Europe"s cannot be confused.
 */
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { OrgSearchPicker, useOrgSearch } from '../orgs/OrgSearchPicker';
import { describeThrown } from './flowErrors';

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

const searchFailure = (error: unknown): string => describeThrown(error, 'Search failed').message;

export function OrgPicker({ label, value, onChange }: OrgPickerProps): React.JSX.Element {
  // Held here, not in the search box, so "Change organization" brings back the last search.
  const search = useOrgSearch(SEARCH_DELAY_MS, searchFailure);

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

  return (
    <OrgSearchPicker
      search={search}
      label={label}
      hint="Type part of an organization’s name or handle."
      listLabel={`${label}: matches`}
      className="tokens-org-picker"
      listClassName="tokens-org-hits"
      renderHit={(hit, path) => (
        <button
          type="button"
          className="tokens-org-hit"
          onClick={() => onChange({ id: hit.node.id, name: hit.node.name, path })}
        >
          <SafeText value={path} />
        </button>
      )}
    />
  );
}
