/** The display name of an agent of the active profile, falling back to its id. */
import { useCallback } from 'react';
import { useAppStore } from '../../store/StoreProvider';
import { toVisibleString } from '../../ui/visibleText';

export function useAgentName(): (agentId: string) => string {
  const agents = useAppStore((state) => state.sharingAgents.items);
  return useCallback(
    (agentId: string) => {
      const agent = agents.find((candidate) => candidate.id === agentId);
      return agent ? toVisibleString(agent.displayName) : agentId;
    },
    [agents],
  );
}
