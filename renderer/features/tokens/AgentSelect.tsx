/** Picks one of the agents the active profile keeps a secret for. */
import { Select } from '../../ui/Select';
import { toVisibleString } from '../../ui/visibleText';
import type { WorkbenchAgent } from './useWorkbenchProfile';

export interface AgentSelectProps {
  label: string;
  agents: readonly WorkbenchAgent[];
  value: string;
  onChange: (agentId: string) => void;
  hint?: string;
}

export function AgentSelect({
  label,
  agents,
  value,
  onChange,
  hint,
}: AgentSelectProps): React.JSX.Element {
  const options = [
    { value: '', label: agents.length === 0 ? 'No agents kept for this profile' : 'Choose…' },
    ...agents.map((agent) => ({
      value: agent.agentId,
      label: `${toVisibleString(agent.label)}${agent.hasSecret ? '' : ' (no secret stored)'}`,
    })),
  ];
  return (
    <Select
      label={label}
      value={value}
      options={options}
      onChange={onChange}
      {...(hint ? { hint } : {})}
    />
  );
}
