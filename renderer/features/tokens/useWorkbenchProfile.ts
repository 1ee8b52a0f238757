/** The active profile as the workbench needs it: id, name, and the agents it keeps secrets for. */
import { useMemo } from 'react';
import { useAppStore } from '../../store/StoreProvider';

export interface WorkbenchAgent {
  agentId: string;
  label: string;
  hasSecret: boolean;
}

export interface WorkbenchProfile {
  id: string;
  name: string;
  sandbox: boolean;
  agents: readonly WorkbenchAgent[];
}

export function useWorkbenchProfile(): WorkbenchProfile | null {
  const profiles = useAppStore((state) => state.profiles);
  const activeProfileId = useAppStore((state) => state.activeProfileId);
  return useMemo(() => {
    const active = profiles.find((profile) => profile.id === activeProfileId);
    if (!active) return null;
    return {
      id: active.id,
      name: active.name,
      sandbox: active.sandbox,
      agents: active.agents.map((agent) => ({
        agentId: agent.agentId,
        label: agent.label,
        hasSecret: agent.secret.set,
      })),
    };
  }, [profiles, activeProfileId]);
}
