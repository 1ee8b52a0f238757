/**
 * Picks the agents a plan is for. The first one picked is the one whose current sharing the
 * draft starts from; the same desired sharing is planned for every agent picked.
 */
import type { AgentView } from '../../../preload/contract';
import { Checkbox } from '../../ui/Checkbox';
import { toVisibleString } from '../../ui/visibleText';

export interface AgentChooserProps {
  agents: readonly AgentView[];
  value: readonly string[];
  onChange: (agentIds: string[]) => void;
}

export function AgentChooser({ agents, value, onChange }: AgentChooserProps): React.JSX.Element {
  const toggle = (agentId: string, on: boolean): void =>
    onChange(on ? [...value, agentId] : value.filter((id) => id !== agentId));
  return (
    <fieldset className="sharing-agent-chooser">
      <legend className="field-label">Agents</legend>
      <p className="field-hint">
        The draft starts from the first agent’s current sharing; the plan sets the same sharing for
        every agent picked.
      </p>
      {agents.length === 0 ? <p className="sharing-dim">No agents in this profile.</p> : null}
      <div className="sharing-agent-options">
        {agents.map((agent) => (
          <Checkbox
            key={agent.id}
            label={toVisibleString(agent.displayName)}
            description={toVisibleString(agent.userName)}
            checked={value.includes(agent.id)}
            onChange={(on) => toggle(agent.id, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}
