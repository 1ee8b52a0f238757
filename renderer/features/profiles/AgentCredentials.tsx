/**
 * The agents whose credentials ShareDesk keeps for a profile (for agent login and OBO runs):
 * each shown with its label and whether its secret is set, never the secret itself.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError, ProfileView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Table } from '../../ui/Table';
import { TextField } from '../../ui/TextField';
import { toVisibleString } from '../../ui/visibleText';
import { ConfirmDialog } from './ConfirmDialog';
import { presenceText } from './SecretField';
import { usePendingFocus } from './usePendingFocus';

type Agent = ProfileView['agents'][number];
type AgentField = 'agentId' | 'label' | 'secret';
type AgentErrors = Partial<Record<AgentField, string>>;

const AGENT_LABELS: Record<AgentField, string> = {
  agentId: 'Agent ID',
  label: 'Label',
  secret: 'Agent secret',
};

/** The envelope's `field`, or the service's "agent: agentId: …" wording. */
export function agentFieldErrors(error: AppError): AgentErrors {
  if (error.code !== 'invalid-input') return {};
  const path = error.field ?? /^(?:agent: )?(\w+): /.exec(error.message)?.[1] ?? '';
  const field = (['agentId', 'label', 'secret'] as const).find((name) => path.endsWith(name));
  if (!field) return {};
  const message = error.message.replace(/^(?:agent: )?\w+: /, '');
  return { [field]: `${AGENT_LABELS[field]}: ${message}` };
}

function AddAgentForm({ profileId }: { profileId: string }): React.JSX.Element {
  const saveAgentCredential = useAppStore((state) => state.saveAgentCredential);
  const notify = useAppStore((state) => state.notify);
  const [agentId, setAgentId] = useState('');
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<AgentErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idPrefix = useId();
  const focusLater = usePendingFocus();
  const inputId = (field: AgentField): string => `${idPrefix}-${field}`;

  const fail = (next: AgentErrors, message: string | null): void => {
    setErrors(next);
    setGeneral(message);
    const first = (['agentId', 'label', 'secret'] as const).find((field) => next[field]);
    if (first) focusLater(() => document.getElementById(inputId(first)));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!agentId.trim()) {
      fail({ agentId: 'Agent ID is required.' }, null);
      return;
    }
    setBusy(true);
    const result = await saveAgentCredential({
      profileId,
      agentId: agentId.trim(),
      label: label.trim(),
      ...(secret ? { secret } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      const fieldErrors = agentFieldErrors(result.error);
      fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? null : result.error.message);
      return;
    }
    notify(
      `Kept the credentials of ${toVisibleString(label.trim() || agentId.trim())}.`,
      'success',
    );
    setAgentId('');
    setLabel('');
    setSecret('');
    fail({}, null);
  };

  return (
    <form
      className="agent-form"
      aria-label="Keep an agent's credentials"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      {general ? <ErrorBanner title="The agent was not saved" message={general} /> : null}
      <TextField
        id={inputId('agentId')}
        label={AGENT_LABELS.agentId}
        value={agentId}
        spellCheck={false}
        autoComplete="off"
        error={errors.agentId}
        onChange={(event) => setAgentId(event.target.value)}
      />
      <TextField
        id={inputId('label')}
        label={`${AGENT_LABELS.label} (optional)`}
        value={label}
        maxLength={100}
        error={errors.label}
        onChange={(event) => setLabel(event.target.value)}
      />
      <TextField
        id={inputId('secret')}
        label={AGENT_LABELS.secret}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={secret}
        hint="Shown once when the agent was created. Leave empty to add it later."
        error={errors.secret}
        onChange={(event) => setSecret(event.target.value)}
      />
      <Button type="submit" disabled={busy}>
        Keep agent credentials
      </Button>
    </form>
  );
}

function ReplaceSecretForm({
  profileId,
  agent,
  onDone,
}: {
  profileId: string;
  agent: Agent;
  onDone: () => void;
}): React.JSX.Element {
  const saveAgentCredential = useAppStore((state) => state.saveAgentCredential);
  const notify = useAppStore((state) => state.notify);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const name = toVisibleString(agent.label || agent.agentId);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!secret) {
      setError('Agent secret is required.');
      inputRef.current?.focus();
      return;
    }
    const result = await saveAgentCredential({
      profileId,
      agentId: agent.agentId,
      label: agent.label,
      secret,
    });
    if (!result.ok) {
      setError(result.error.message);
      inputRef.current?.focus();
      return;
    }
    notify(`Replaced the secret of ${name}.`, 'success');
    onDone();
  };

  return (
    <form
      className="agent-form"
      aria-label={`Replace the secret of ${name}`}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <TextField
        ref={inputRef}
        label={`New secret for ${name}`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={secret}
        error={error}
        onChange={(event) => setSecret(event.target.value)}
      />
      <Button type="submit" variant="primary">
        Save secret
      </Button>
      <Button variant="ghost" onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}

export function AgentCredentials({ profile }: { profile: ProfileView }): React.JSX.Element {
  const removeAgentCredential = useAppStore((state) => state.removeAgentCredential);
  const notify = useAppStore((state) => state.notify);
  const [replacing, setReplacing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Agent | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const focusLater = usePendingFocus();
  const buttonId = (action: string, agentId: string): string => `${headingId}-${action}-${agentId}`;

  const closeReplace = (agentId: string): void => {
    setReplacing(null);
    focusLater(() => document.getElementById(buttonId('replace', agentId)));
  };

  const remove = async (agent: Agent): Promise<void> => {
    const result = await removeAgentCredential({ profileId: profile.id, agentId: agent.agentId });
    setRemoving(null);
    if (!result.ok) {
      notify(`Could not remove the agent: ${result.error.message}`, 'error');
      return;
    }
    notify(`Removed the credentials of ${toVisibleString(agent.label || agent.agentId)}.`);
    // Its row is gone; the section heading is the nearest stable place for focus.
    focusLater(() => headingRef.current);
  };

  const replacingAgent = profile.agents.find((agent) => agent.agentId === replacing);

  return (
    <section className="agent-credentials" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Agent credentials
      </h3>
      <p className="field-hint">
        Agents whose secrets ShareDesk keeps in the keychain, for agent login and on-behalf-of runs.
        Secrets are never shown again once saved.
      </p>
      <Table<Agent>
        caption="Agents with kept credentials"
        captionHidden
        rows={profile.agents}
        rowKey={(agent) => agent.agentId}
        empty="No agent credentials are kept for this profile."
        columns={[
          {
            key: 'agentId',
            header: 'Agent ID',
            rowHeader: true,
            cell: (agent) => <code>{agent.agentId}</code>,
          },
          { key: 'label', header: 'Label', cell: (agent) => toVisibleString(agent.label) },
          { key: 'secret', header: 'Secret', cell: (agent) => presenceText(agent.secret) },
          {
            key: 'actions',
            header: 'Actions',
            cell: (agent) => (
              <span className="agent-actions">
                <Button
                  id={buttonId('replace', agent.agentId)}
                  onClick={() => setReplacing(agent.agentId)}
                >
                  {agent.secret.set ? 'Replace secret' : 'Add secret'}
                </Button>
                <Button variant="danger" onClick={() => setRemoving(agent)}>
                  Remove
                </Button>
              </span>
            ),
          },
        ]}
      />
      {replacingAgent ? (
        <ReplaceSecretForm
          key={replacingAgent.agentId}
          profileId={profile.id}
          agent={replacingAgent}
          onDone={() => closeReplace(replacingAgent.agentId)}
        />
      ) : null}
      <h4>Keep another agent</h4>
      <AddAgentForm profileId={profile.id} />
      <ConfirmDialog
        open={removing !== null}
        title="Remove these agent credentials?"
        confirmLabel="Remove"
        onClose={() => setRemoving(null)}
        onConfirm={() => (removing ? remove(removing) : undefined)}
      >
        <p>
          ShareDesk forgets the agent{' '}
          <strong>{toVisibleString(removing?.label || removing?.agentId || '')}</strong> and deletes
          its secret from the keychain. The agent itself stays on the server.
        </p>
      </ConfirmDialog>
    </section>
  );
}
