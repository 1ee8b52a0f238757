/** Renderer entry: builds the store around the data source and renders the app. */
// First: configures zod before any schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createOrgSource } from './app/orgSource';
import { createAppStore } from './store/createAppStore';
import './styles/tokens.css';
import './styles/base.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const store = createAppStore({ orgSource: await createOrgSource(), now: Date.now });
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}

void start();
