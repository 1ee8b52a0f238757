/** Says so when secrets cannot be kept in the OS keychain and live in memory only. */
import { useAppStore } from '../store/StoreProvider';
import { AlertIcon } from '../ui/icons';

export function KeychainBanner(): React.JSX.Element | null {
  const memoryOnly = useAppStore((state) => state.secretsMemoryOnly);
  if (!memoryOnly) return null;
  return (
    <div role="status" className="keychain-banner">
      <AlertIcon />
      <p>
        No system keychain is available. Secrets are kept in memory for this session only; you will
        need to enter them again after ShareDesk restarts.
      </p>
    </div>
  );
}
