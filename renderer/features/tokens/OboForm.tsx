/**
 * The OBO consent run: a child-organization user signs in and consents in the browser to a
 * shared agent acting for them; the code is exchanged with the agent's token as actor.
 */
import { useState, type FormEvent } from 'react';
import type { TokenSummaryView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { RadioGroup } from '../../ui/RadioGroup';
import { SafeText } from '../../ui/SafeText';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { AgentSelect } from './AgentSelect';
import { flowDefaults } from './defaults';
import { FlowStatus } from './FlowStatus';
import { heldTokenOption } from './heldTokenText';
import { OrgPicker, type PickedOrg } from './OrgPicker';
import { parseScopes } from './scopes';
import type { WorkbenchProfile } from './useWorkbenchProfile';

type ActorMode = 'login' | 'held';

function delegationText(token: TokenSummaryView | null, agents: WorkbenchProfile['agents']) {
  const act = token?.claims?.act;
  const actor = act && typeof act === 'object' && !Array.isArray(act) ? act.sub : undefined;
  const user = token?.claims?.sub;
  if (typeof actor !== 'string' || typeof user !== 'string') return null;
  const label = agents.find((agent) => agent.agentId === actor)?.label ?? actor;
  return <SafeText value={`${label} acts on behalf of user ${user}.`} />;
}

export function OboForm({ profile }: { profile: WorkbenchProfile }): React.JSX.Element {
  const defaults = flowDefaults(profile.sandbox);
  const form = useAppStore((state) => state.flowForms.obo);
  const oboRunId = useAppStore((state) => state.oboRunId);
  const heldTokens = useAppStore((state) => state.heldTokens);
  const runObo = useAppStore((state) => state.runObo);
  const cancelObo = useAppStore((state) => state.cancelObo);
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [agentId, setAgentId] = useState(profile.agents[0]?.agentId ?? '');
  const [clientId, setClientId] = useState(defaults.oboClientId);
  const [scopeText, setScopeText] = useState(defaults.oboScopes);
  const [resource, setResource] = useState('');
  const [actorMode, setActorMode] = useState<ActorMode>('login');
  const [actorRef, setActorRef] = useState('');
  const [loginClientId, setLoginClientId] = useState(defaults.loginClientId);
  const [loginRedirect, setLoginRedirect] = useState(defaults.redirectUri);
  const [loginScopeText, setLoginScopeText] = useState('');
  const [isolated, setIsolated] = useState(false);
  const scopes = parseScopes(scopeText);
  const loginScopes = parseScopes(loginScopeText);
  const actorTokens = heldTokens.filter(
    (token) => org !== null && token.organizationId === org.id && token.source !== 'obo',
  );
  const running = form.status === 'running';
  const actorReady =
    actorMode === 'held'
      ? actorTokens.some((token) => token.tokenRef === actorRef)
      : loginClientId.trim() !== '' && loginRedirect.trim() !== '' && !loginScopes.error;
  const ready = org !== null && agentId !== '' && clientId.trim() !== '' && actorReady;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready || scopes.error) return;
    void runObo({
      organizationId: org.id,
      agentId,
      clientId: clientId.trim(),
      scopes: scopes.scopes,
      ...(resource.trim() ? { resource: resource.trim() } : {}),
      actor:
        actorMode === 'held'
          ? { tokenRef: actorRef }
          : {
              login: {
                clientId: loginClientId.trim(),
                redirectUri: loginRedirect.trim(),
                scopes: loginScopes.scopes,
              },
            },
      isolated,
    });
  };

  return (
    <form className="tokens-form" aria-label="OBO consent run" onSubmit={submit}>
      <OrgPicker label="Child organization" value={org} onChange={setOrg} />
      <AgentSelect
        label="Shared agent (requested actor)"
        agents={profile.agents}
        value={agentId}
        onChange={setAgentId}
        hint="The agent must be shared with the child organization."
      />
      <TextField
        label="Client ID"
        hint="The public client the user consents to (PKCE, no secret)."
        value={clientId}
        onChange={(event) => setClientId(event.target.value)}
      />
      <TextField
        label="Scopes"
        value={scopeText}
        error={scopes.error}
        onChange={(event) => setScopeText(event.target.value)}
      />
      <TextField
        label="Resource (optional)"
        value={resource}
        onChange={(event) => setResource(event.target.value)}
      />
      <RadioGroup<ActorMode>
        legend="Actor token"
        value={actorMode}
        onChange={setActorMode}
        options={[
          {
            value: 'login',
            label: 'Sign in the agent now',
            description: 'Agent login, then a switch into the child organization.',
          },
          { value: 'held', label: 'A held token of the agent in that organization' },
        ]}
      />
      {actorMode === 'held' ? (
        <Select
          label="Actor token"
          value={actorRef}
          onChange={setActorRef}
          options={[
            {
              value: '',
              label: actorTokens.length === 0 ? 'No held token in that organization' : 'Choose…',
            },
            ...actorTokens.map((t) => ({
              value: t.tokenRef,
              label: heldTokenOption(t, profile.agents),
            })),
          ]}
        />
      ) : (
        <fieldset className="tokens-fieldset">
          <legend className="field-label">Agent sign-in</legend>
          <TextField
            label="Agent login client ID"
            value={loginClientId}
            onChange={(event) => setLoginClientId(event.target.value)}
          />
          <TextField
            label="Agent login redirect URI"
            value={loginRedirect}
            onChange={(event) => setLoginRedirect(event.target.value)}
          />
          <TextField
            label="Agent scopes"
            value={loginScopeText}
            error={loginScopes.error}
            onChange={(event) => setLoginScopeText(event.target.value)}
          />
        </fieldset>
      )}
      <Checkbox
        label="Open in an isolated window"
        description="A throw-away browser session, so no existing sign-in is reused."
        checked={isolated}
        onChange={setIsolated}
      />
      <div className="tokens-form-actions">
        <Button type="submit" variant="primary" disabled={running || !ready}>
          Start OBO run
        </Button>
        {oboRunId !== null ? (
          <Button variant="danger" onClick={() => void cancelObo()}>
            Cancel run
          </Button>
        ) : null}
      </div>
      <FlowStatus
        form={form}
        runningText="Waiting for the user to sign in and consent in the browser…"
        successLabel="Delegated"
        successDetail={delegationText(form.token, profile.agents)}
      />
    </form>
  );
}
