/**
 * Finds organizations at any level of the tree by name or handle and adds them to the draft.
 * Each match is named with its path, so two offices called "Europe" cannot be confused.
 */
import { Button } from '../../ui/Button';
import { SafeText } from '../../ui/SafeText';
import { toVisibleString } from '../../ui/visibleText';
import { OrgSearchPicker, useOrgSearch } from '../orgs/OrgSearchPicker';
import { failureOf } from './sharingCall';

export interface FoundOrg {
  orgId: string;
  name: string;
  path: string;
}

/** Waits for typing to pause before asking the main process. */
const SEARCH_DELAY_MS = 200;

const searchFailure = (error: unknown): string => failureOf(error).message;

export function OrgFinder({
  chosen,
  onAdd,
}: {
  chosen: ReadonlySet<string>;
  onAdd: (org: FoundOrg) => void;
}): React.JSX.Element {
  const search = useOrgSearch(SEARCH_DELAY_MS, searchFailure);
  return (
    <OrgSearchPicker
      search={search}
      label="Find organizations at any level"
      hint="Type part of a name or handle. Organizations below the root’s children are reached by sharing their ancestor with its children."
      listLabel="Matching organizations"
      className="sharing-org-finder"
      listClassName="sharing-org-hits"
      countClassName="sharing-dim"
      renderHit={(hit, path) => {
        const added = chosen.has(hit.node.id);
        return (
          <>
            <SafeText value={path} className="sharing-org-hit-path" />
            <Button
              variant="ghost"
              disabled={added}
              aria-label={`${added ? 'Added' : 'Add'} ${toVisibleString(path)}`}
              onClick={() => onAdd({ orgId: hit.node.id, name: hit.node.name, path })}
            >
              {added ? 'Added' : 'Add'}
            </Button>
          </>
        );
      }}
    />
  );
}
