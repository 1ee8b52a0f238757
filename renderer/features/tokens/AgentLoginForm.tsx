/** Agent login: the agent signs in with its id and stored secret through app-native authentication. */
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { AgentSelect } from './AgentSelect';
import { flowDefaults } from './defaults';
import { FlowStatus } from './FlowStatus';
import { parseScopes } from './scopes';
import type { WorkbenchProfile } from './useWorkbenchProfile';

export function AgentLoginForm({ profile }: { profile: WorkbenchProfile }): React.JSX.Element {
  const defaults = flowDefaults(profile.sandbox);
  const form = useAppStore((state) => state.flowForms['agent-login']);
  const runAgentLogin = useAppStore((state) => state.runAgentLogin);
  const [agentId, setAgentId] = useState(profile.agents[0]?.agentId ?? '');
  const [clientId, setClientId] = useState(defaults.loginClientId);
  const [redirectUri, setRedirectUri] = useState(defaults.redirectUri);
  const [scopeText, setScopeText] = useState('');
  const [resource, setResource] = useState('');
  const scopes = parseScopes(scopeText);
  const running = form.status === 'running';
  const ready = agentId !== '' && clientId.trim() !== '' && redirectUri.trim() !== '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready || scopes.error) return;
    void runAgentLogin({
      agentId,
      clientId: clientId.trim(),
      redirectUri: redirectUri.trim(),
      scopes: scopes.scopes,
      ...(resource.trim() ? { resource: resource.trim() } : {}),
    });
  };

  return (
    <form className="tokens-form" aria-label="Agent login" onSubmit={submit}>
      <AgentSelect label="Agent" agents={profile.agents} value={agentId} onChange={setAgentId} />
      <TextField
        label="Client ID"
        hint="An application with API-based authentication enabled."
        value={clientId}
        onChange={(event) => setClientId(event.target.value)}
      />
      <TextField
        label="Redirect URI"
        hint="Registered with that application; no redirect takes place."
        value={redirectUri}
        onChange={(event) => setRedirectUri(event.target.value)}
      />
      <TextField
        label="Scopes"
        hint="Separated by spaces."
        value={scopeText}
        error={scopes.error}
        onChange={(event) => setScopeText(event.target.value)}
      />
      <TextField
        label="Resource (optional)"
        value={resource}
        onChange={(event) => setResource(event.target.value)}
      />
      <div className="tokens-form-actions">
        <Button type="submit" variant="primary" disabled={running || !ready}>
          Sign in the agent
        </Button>
      </div>
      <FlowStatus form={form} runningText="Signing the agent in…" successLabel="Signed in" />
    </form>
  );
}
