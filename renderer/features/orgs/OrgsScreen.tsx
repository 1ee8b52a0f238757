/** The Organizations screen: sync toolbar, search, the sharing overlay, and the whole org tree. */
import { ScreenHeading } from '../../app/ScreenHeading';
import { SharingOverlayBar } from '../sharing/SharingOverlayBar';
import { useOverlayDecorate } from '../sharing/useOverlayDecorate';
import { OrgSearch } from './OrgSearch';
import { OrgTreePanel } from './OrgTreePanel';
import { SyncToolbar } from './SyncToolbar';
import './orgsScreen.css';

export function OrgsScreen(): React.JSX.Element {
  const decorate = useOverlayDecorate();
  return (
    <div className="orgs-screen">
      <ScreenHeading>Organizations</ScreenHeading>
      <SyncToolbar />
      <OrgSearch />
      <SharingOverlayBar />
      <OrgTreePanel {...(decorate ? { decorate } : {})} />
    </div>
  );
}
