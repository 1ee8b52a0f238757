/** The keyboard shortcuts help, opened with `?` or the header's keyboard button. */
import { useAppStore } from '../store/StoreProvider';
import { Dialog } from '../ui/Dialog';
import { Table } from '../ui/Table';
import { SHORTCUT_HELP, type ShortcutHelp } from './shortcuts';

export function ShortcutsDialog(): React.JSX.Element {
  const open = useAppStore((state) => state.shortcutsOpen);
  const setOpen = useAppStore((state) => state.setShortcutsOpen);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)}>
      <Table<ShortcutHelp>
        caption="Keyboard shortcuts"
        captionHidden
        rows={SHORTCUT_HELP}
        rowKey={(row) => row.keys}
        columns={[
          { key: 'keys', header: 'Keys', cell: (row) => <kbd>{row.keys}</kbd>, rowHeader: true },
          { key: 'action', header: 'Action', cell: (row) => row.description },
        ]}
      />
    </Dialog>
  );
}
