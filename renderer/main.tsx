/** Renderer entry: connects the bridge, builds the store around it and renders the app. */
// First: configures zod before any schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createOrgSource } from './app/orgSource';
import { connectBridge } from './bridge';
import { unwrap } from './bridge/orgSource';
import { createAppStore } from './store/createAppStore';
import './styles/tokens.css';
import './styles/base.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const api = await connectBridge();
  let activeProfileId: string | null = null;
  if (api) activeProfileId = unwrap(await api.listProfiles({})).activeProfileId;
  const orgSource = await createOrgSource(api, () => activeProfileId);
  const store = createAppStore({ orgSource, now: Date.now, ...(api ? { api } : {}) });
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}

void start();
