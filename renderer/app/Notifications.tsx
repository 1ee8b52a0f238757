/** Toasts and the screen-reader live region, fed from the store. */
import { useAppStore } from '../store/StoreProvider';
import { LiveRegion } from '../ui/LiveRegion';
import { ToastList } from '../ui/ToastList';

export function Notifications(): React.JSX.Element {
  const toasts = useAppStore((state) => state.toasts);
  const liveMessage = useAppStore((state) => state.liveMessage);
  const dismissToast = useAppStore((state) => state.dismissToast);
  return (
    <>
      <LiveRegion message={liveMessage} />
      <ToastList toasts={toasts} onDismiss={dismissToast} />
    </>
  );
}
