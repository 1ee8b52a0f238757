/** Organization switch: exchange a root token (an agent's or the admin app's) for one in a child. */
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { FlowStatus } from './FlowStatus';
import { heldTokenOption } from './heldTokenText';
import { OrgPicker, type PickedOrg } from './OrgPicker';
import { parseScopes } from './scopes';
import { useWorkbenchProfile } from './useWorkbenchProfile';

const ADMIN = 'admin';

export function OrgSwitchForm(): React.JSX.Element {
  const form = useAppStore((state) => state.flowForms['organization-switch']);
  const heldTokens = useAppStore((state) => state.heldTokens);
  const agents = useWorkbenchProfile()?.agents ?? [];
  const runOrgSwitch = useAppStore((state) => state.runOrgSwitch);
  const [from, setFrom] = useState(ADMIN);
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [scopeText, setScopeText] = useState('');
  const [fresh, setFresh] = useState(false);
  const scopes = parseScopes(scopeText);
  const rootTokens = heldTokens.filter((token) => token.organizationId === null);
  const running = form.status === 'running';
  const fromValue = from === ADMIN || rootTokens.some((t) => t.tokenRef === from) ? from : ADMIN;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!org || scopes.error) return;
    void runOrgSwitch({
      from: fromValue === ADMIN ? { admin: true } : { tokenRef: fromValue },
      organizationId: org.id,
      scopes: scopes.scopes,
      fresh,
    });
  };

  return (
    <form className="tokens-form" aria-label="Organization switch" onSubmit={submit}>
      <Select
        label="Switch from"
        hint="A root-organization token the app holds, or the admin application’s own."
        value={fromValue}
        options={[
          { value: ADMIN, label: 'Admin application (client credentials)' },
          ...rootTokens.map((token) => ({
            value: token.tokenRef,
            label: heldTokenOption(token, agents),
          })),
        ]}
        onChange={setFrom}
      />
      <OrgPicker label="Target organization" value={org} onChange={setOrg} />
      <TextField
        label="Scopes"
        hint="Separated by spaces."
        value={scopeText}
        error={scopes.error}
        onChange={(event) => setScopeText(event.target.value)}
      />
      <Checkbox
        label="Ask the server even when a fitting token is held"
        checked={fresh}
        onChange={setFresh}
      />
      <div className="tokens-form-actions">
        <Button type="submit" variant="primary" disabled={running || !org}>
          Switch organization
        </Button>
      </div>
      <FlowStatus form={form} runningText="Switching organization…" successLabel="Switched" />
    </form>
  );
}
