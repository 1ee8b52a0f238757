/** The Flows tab: pick a flow, fill it in, watch its steps, and manage the tokens it left. */
import { useState } from 'react';
import { RadioGroup } from '../../ui/RadioGroup';
import { AgentLoginForm } from './AgentLoginForm';
import { HeldTokens } from './HeldTokens';
import { OboForm } from './OboForm';
import { OrgSwitchForm } from './OrgSwitchForm';
import { RunTimeline } from './RunTimeline';
import type { WorkbenchProfile } from './useWorkbenchProfile';

type FlowChoice = 'agent-login' | 'organization-switch' | 'obo';

export function FlowsPanel({ profile }: { profile: WorkbenchProfile }): React.JSX.Element {
  const [choice, setChoice] = useState<FlowChoice>('agent-login');
  return (
    <div className="tokens-flows">
      <div className="tokens-flows-grid">
        <section className="tokens-flow-form" aria-labelledby="tokens-flow-heading">
          <h2 id="tokens-flow-heading">Run a flow</h2>
          <RadioGroup<FlowChoice>
            legend="Flow"
            className="tokens-flow-choice"
            value={choice}
            onChange={setChoice}
            options={[
              { value: 'agent-login', label: 'Agent login' },
              { value: 'organization-switch', label: 'Organization switch' },
              { value: 'obo', label: 'OBO consent run' },
            ]}
          />
          {choice === 'agent-login' ? <AgentLoginForm profile={profile} /> : null}
          {choice === 'organization-switch' ? <OrgSwitchForm /> : null}
          {choice === 'obo' ? <OboForm profile={profile} /> : null}
        </section>
        <section className="tokens-flow-runs" aria-labelledby="tokens-runs-heading">
          <h2 id="tokens-runs-heading">Runs</h2>
          <RunTimeline />
        </section>
      </div>
      <HeldTokens />
    </div>
  );
}
