/** Tells the user that the profile file was unreadable at start and where it was moved. */
import { useAppStore } from '../store/StoreProvider';
import { ErrorBanner } from '../ui/ErrorBanner';

export function StoreProblemBanner(): React.JSX.Element | null {
  const problem = useAppStore((state) => state.storeProblem);
  const dismiss = useAppStore((state) => state.dismissStoreProblem);
  if (!problem) return null;
  return (
    <div className="store-problem-banner">
      <ErrorBanner
        title="Your saved profiles could not be read"
        message={`${problem} ShareDesk started with the built-in Sandbox profile; the old file is kept for recovery.`}
        onDismiss={dismiss}
      />
    </div>
  );
}
