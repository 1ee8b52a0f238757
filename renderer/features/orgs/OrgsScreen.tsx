/** The Organizations screen: sync toolbar, search, and the whole org tree. */
import { ScreenHeading } from '../../app/ScreenHeading';
import { OrgSearch } from './OrgSearch';
import { OrgTreePanel } from './OrgTreePanel';
import { SyncToolbar } from './SyncToolbar';
import './orgsScreen.css';

export function OrgsScreen(): React.JSX.Element {
  return (
    <div className="orgs-screen">
      <ScreenHeading>Organizations</ScreenHeading>
      <SyncToolbar />
      <OrgSearch />
      <OrgTreePanel />
    </div>
  );
}
