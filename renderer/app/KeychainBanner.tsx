/** Says so when secrets cannot be kept in the OS keychain and live in memory only. */
import { useAppStore } from '../store/StoreProvider';
import { AlertIcon } from '../ui/icons';
import { SafeText } from '../ui/SafeText';

/** The main process words its reason as a whole sentence; the banner already says that part. */
const LEAD_IN = /^Secrets are kept in memory for this run only \((.*)\)\.?$/s;

export function keychainCause(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  return LEAD_IN.exec(reason)?.[1] ?? reason;
}

export function KeychainBanner(): React.JSX.Element | null {
  const memoryOnly = useAppStore((state) => state.secretsMemoryOnly);
  const reason = useAppStore((state) => state.keychain?.reason);
  if (!memoryOnly) return null;
  const cause = keychainCause(reason);
  return (
    <div role="status" className="keychain-banner">
      <AlertIcon />
      <div>
        <p>
          <strong>Secrets are kept in memory for this run only:</strong> No system keychain is
          available, so you will need to enter them again after ShareDesk restarts.
        </p>
        {cause ? (
          <p className="keychain-banner-cause">
            Cause: <SafeText value={cause} />
          </p>
        ) : null}
      </div>
    </div>
  );
}
