/** Handlers for the profile calls. Secrets go into the vault; only presence comes back. */
import type { Handlers, ProfileView } from '../../../preload/contract';
import { probeCertificate } from '../../http';
import type { Profile, ProfileService } from '../../profiles';
import type { Runtimes } from '../runtimes';

export interface ProfileHandlerDeps {
  profiles: ProfileService;
  runtimes: Runtimes;
  activeProfile(): string | null;
  setActiveProfile(profileId: string): void;
  storeProblem(): string | undefined;
}

type ProfileCalls =
  | 'listProfiles'
  | 'saveProfile'
  | 'removeProfile'
  | 'selectProfile'
  | 'saveAgentCredential'
  | 'removeAgentCredential'
  | 'testConnection'
  | 'probeCertificate';

export function profileHandlers(deps: ProfileHandlerDeps): Pick<Handlers, ProfileCalls> {
  const { profiles, runtimes } = deps;

  const view = async (profile: Profile): Promise<ProfileView> => {
    const secrets = await profiles.secrets(profile.id);
    return {
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      baseUrl: profile.baseUrl,
      rootOrgHandle: profile.rootOrgHandle,
      adminAuth: profile.adminAuth,
      trust: profile.trust,
      ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
      sandbox: profile.sandbox === true,
      clientSecret: secrets.clientSecret,
      agents: profile.agents.map((agent) => ({
        agentId: agent.agentId,
        label: agent.label,
        secret: secrets.agents[agent.agentId] ?? { set: false },
      })),
    };
  };

  const state = async () => {
    const list = profiles.list();
    const problem = deps.storeProblem();
    return {
      profiles: await Promise.all(list.map(view)),
      activeProfileId: deps.activeProfile(),
      ...(problem ? { storeProblem: problem } : {}),
    };
  };

  return {
    listProfiles: state,
    saveProfile: async ({ profile, clientSecret }) => {
      const saved = await profiles.save(profile, clientSecret ? { clientSecret } : {});
      await runtimes.invalidate(saved.id);
      return view(profiles.get(saved.id));
    },
    removeProfile: async ({ profileId }) => {
      await runtimes.invalidate(profileId);
      await profiles.remove(profileId);
      return {};
    },
    selectProfile: async ({ profileId }) => {
      profiles.get(profileId);
      deps.setActiveProfile(profileId);
      return state();
    },
    saveAgentCredential: async ({ profileId, agentId, label, secret }) =>
      view(await profiles.saveAgent(profileId, { agentId, label }, secret)),
    removeAgentCredential: async ({ profileId, agentId }) =>
      view(await profiles.removeAgent(profileId, agentId)),
    testConnection: (input) =>
      'profileId' in input
        ? profiles.testConnection(input.profileId)
        : profiles.testDraft(input.draft, input.clientSecret),
    probeCertificate: async ({ url }) => {
      const probe = await probeCertificate({ url });
      return {
        sha256: probe.sha256,
        subject: probe.subject,
        issuer: probe.issuer,
        selfSigned: probe.selfSigned,
        validFrom: probe.validFrom,
        validTo: probe.validTo,
        trusted: probe.trusted,
        ...(probe.verifyCode ? { verifyCode: probe.verifyCode } : {}),
      };
    },
  };
}
