/** Renderer entry: connects the bridge, builds the store around it and renders the app. */
// First: configures zod before any schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createOrgSource } from './app/orgSource';
import { connectBridge } from './bridge';
import { createAppStore, type AppStore } from './store/createAppStore';
import './styles/tokens.css';
import './styles/base.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const api = await connectBridge();
  // The org source asks the store for the active profile at each call, so the tree follows
  // the profile picker; the store needs the source first, hence the late binding.
  const late: { store?: AppStore } = {};
  const orgSource = await createOrgSource(
    api,
    () => late.store?.getState().activeProfileId ?? null,
  );
  const store = createAppStore({ orgSource, now: Date.now, ...(api ? { api } : {}) });
  late.store = store;
  // The tree's first load needs the active profile; a failure shows on the Profiles screen.
  await store.getState().loadProfiles();
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}

void start();
