/**
 * Runs "Test connection" and keeps its outcome for the view; the summary is also announced,
 * because the result appears away from the button that started it.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppError, CallInput } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { summaryOf, type ConnectionTestState } from './ConnectionChecks';

export interface ConnectionTest {
  state: ConnectionTestState;
  /** Resolves with the call's error, if it failed before any check ran. */
  run: (input: CallInput<'testConnection'>) => Promise<AppError | undefined>;
  reset: () => void;
}

export function useConnectionTest(): ConnectionTest {
  const testConnection = useAppStore((state) => state.testConnection);
  const announce = useAppStore((state) => state.announce);
  const [state, setState] = useState<ConnectionTestState>({ status: 'idle' });
  const seq = useRef(0);

  const run = useCallback(
    async (input: CallInput<'testConnection'>): Promise<AppError | undefined> => {
      const mine = ++seq.current;
      setState({ status: 'running' });
      announce('Testing the connection…');
      const result = await testConnection(input);
      if (mine !== seq.current) return undefined;
      if (!result.ok) {
        setState({ status: 'failed', error: result.error });
        announce(`The connection test could not run: ${result.error.message}`);
        return result.error;
      }
      setState({ status: 'done', report: result.value });
      announce(summaryOf(result.value));
      return undefined;
    },
    [testConnection, announce],
  );

  const reset = useCallback(() => {
    seq.current += 1;
    setState({ status: 'idle' });
  }, []);

  return { state, run, reset };
}
