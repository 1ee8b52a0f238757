/** The renderer's root: the store for this window and the shell around the screens. */
import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/StoreProvider';
import { AppShell, type AppShellProps } from './AppShell';

export interface AppProps extends AppShellProps {
  store: AppStore;
}

export function App({ store, ...shell }: AppProps): React.JSX.Element {
  useEffect(() => {
    void store.getState().refreshCacheStatus();
    return store.getState().connectAppInfo();
  }, [store]);

  return (
    <StoreProvider store={store}>
      <AppShell {...shell} />
    </StoreProvider>
  );
}
