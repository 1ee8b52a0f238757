/**
 * The token workbench's state: the profile it works against, the tokens the main process
 * holds (as masked summaries), the inspector and the comparison. A raw token never enters
 * this state: a pasted one is kept out of it (for a later introspection) and dropped on clear,
 * and a copied one is handed straight to the caller.
 */
import type {
  CallResult,
  InspectionReportView,
  TokenDiffView,
  TokenSource,
  TokenSummaryView,
} from '../../preload/contract';
import { callChecked, requireProfile } from '../features/tokens/bridgeCall';
import { describeThrown, type ShownError } from '../features/tokens/flowErrors';
import { maskToken } from '../features/tokens/scopes';
import { createFlowSlice, type FlowSlice } from './flowSlice';
import type { DepsSliceCreator, SliceCreator } from './types';

export type WorkbenchTab = 'flows' | 'inspector' | 'compare';

/** What the inspector looks at, shown without the token itself. */
export type InspectedSubject =
  { kind: 'raw'; masked: string } | { kind: 'held'; tokenRef: string; masked: string };

export interface InspectorState {
  status: 'idle' | 'inspecting' | 'done' | 'failed';
  subject: InspectedSubject | null;
  report: InspectionReportView | null;
  error: ShownError | null;
  verified: boolean;
  introspected: boolean;
}

export type CompareSide = { kind: 'raw'; token: string } | { kind: 'held'; tokenRef: string };

export interface ComparisonState {
  status: 'idle' | 'comparing' | 'done' | 'failed';
  diff: TokenDiffView | null;
  error: ShownError | null;
}

export type HeldAction = 'refresh' | 'revoke' | 'copy' | 'sign-out';

export interface TokenSlice {
  workbenchTab: WorkbenchTab;
  heldTokens: readonly TokenSummaryView[];
  heldTokensError: ShownError | null;
  /** The held-token action in progress, to disable its button. */
  heldBusy: { tokenRef: string | null; action: HeldAction } | null;
  inspector: InspectorState;
  comparison: ComparisonState;
  setWorkbenchTab: (tab: WorkbenchTab) => void;
  loadHeldTokens: () => Promise<void>;
  refreshHeldToken: (tokenRef: string) => Promise<void>;
  revokeHeldToken: (tokenRef: string) => Promise<void>;
  signOutAll: () => Promise<void>;
  /** The raw token for an explicit copy; null (with a notification) when it cannot be had. */
  copyHeldToken: (tokenRef: string) => Promise<string | null>;
  inspect: (
    source: { kind: 'raw'; token: string } | { kind: 'held'; tokenRef: string },
    options: { verify: boolean; introspect: boolean },
  ) => Promise<void>;
  /** Inspects the last subject again, with introspection. */
  introspectCurrent: () => Promise<void>;
  clearInspector: () => void;
  compareTokens: (a: CompareSide, b: CompareSide) => Promise<void>;
  clearComparison: () => void;
}

const IDLE_INSPECTOR: InspectorState = {
  status: 'idle',
  subject: null,
  report: null,
  error: null,
  verified: false,
  introspected: false,
};

const IDLE_COMPARISON: ComparisonState = { status: 'idle', diff: null, error: null };

const createTokenSlice: DepsSliceCreator<TokenSlice> = (deps) => (set, get) => {
  /** The pasted token under inspection, kept out of state so nothing renders it. */
  let pasted: string | null = null;
  let inspectSeq = 0;

  const profileId = (): string => requireProfile(get().activeProfileId);

  const heldAction = async (
    tokenRef: string | null,
    action: HeldAction,
    work: () => Promise<string>,
  ): Promise<void> => {
    set({ heldBusy: { tokenRef, action } });
    try {
      get().notify(await work(), 'success');
    } catch (error) {
      const shown = describeThrown(error, 'The token action failed');
      get().notify(`${shown.title}: ${shown.message}`, 'error');
    } finally {
      set({ heldBusy: null });
      await get().loadHeldTokens();
    }
  };

  const revocationText = (outcome: CallResult<'signOut'>, what: string): string => {
    if (!outcome.ok && outcome.error) throw new Error(outcome.error.message);
    const pending = outcome.pending?.length ?? 0;
    const failed = outcome.failed?.length ?? 0;
    const parts = [`${what}: ${outcome.revoked ?? 0} revoked at the server`];
    if (pending > 0) parts.push(`${pending} pending (retried in the background)`);
    if (failed > 0) parts.push(`${failed} failed`);
    return `${parts.join(', ')}. The local copies are deleted.`;
  };

  return {
    workbenchTab: 'flows',
    heldTokens: [],
    heldTokensError: null,
    heldBusy: null,
    inspector: IDLE_INSPECTOR,
    comparison: IDLE_COMPARISON,

    setWorkbenchTab: (workbenchTab) => set({ workbenchTab }),

    loadHeldTokens: async () => {
      try {
        const tokens = await callChecked(deps.api, 'listTokens', { profileId: profileId() });
        set({ heldTokens: tokens, heldTokensError: null });
      } catch (error) {
        set({ heldTokensError: describeThrown(error, 'The held tokens could not be listed') });
      }
    },

    refreshHeldToken: (tokenRef) =>
      heldAction(tokenRef, 'refresh', async () => {
        const outcome = await callChecked(deps.api, 'refreshToken', {
          profileId: profileId(),
          tokenRef,
        });
        if (!outcome.ok) throw new Error(outcome.error?.message ?? 'The refresh failed.');
        return 'Token refreshed.';
      }),

    revokeHeldToken: (tokenRef) =>
      heldAction(tokenRef, 'revoke', async () => {
        const outcome = await callChecked(deps.api, 'revokeToken', {
          profileId: profileId(),
          tokenRef,
        });
        return revocationText(outcome, 'Revoke');
      }),

    signOutAll: () =>
      heldAction(null, 'sign-out', async () => {
        const outcome = await callChecked(deps.api, 'signOut', { profileId: profileId() });
        return revocationText(outcome, 'Signed out');
      }),

    copyHeldToken: async (tokenRef) => {
      set({ heldBusy: { tokenRef, action: 'copy' } });
      try {
        const copied = await callChecked(deps.api, 'copyToken', {
          profileId: profileId(),
          tokenRef,
        });
        return copied.token;
      } catch (error) {
        const shown = describeThrown(error, 'The token could not be copied');
        get().notify(`${shown.title}: ${shown.message}`, 'error');
        return null;
      } finally {
        set({ heldBusy: null });
      }
    },

    inspect: async (source, { verify, introspect }) => {
      const seq = ++inspectSeq;
      let wire: TokenSource;
      let subject: InspectedSubject;
      if (source.kind === 'raw') {
        pasted = source.token.trim();
        wire = { kind: 'raw', token: pasted };
        subject = { kind: 'raw', masked: maskToken(pasted) };
      } else {
        pasted = null;
        wire = source;
        const held = get().heldTokens.find((t) => t.tokenRef === source.tokenRef);
        subject = {
          kind: 'held',
          tokenRef: source.tokenRef,
          masked: held?.preview ?? 'held token',
        };
      }
      set({
        workbenchTab: 'inspector',
        inspector: { ...IDLE_INSPECTOR, status: 'inspecting', subject, verified: verify },
      });
      try {
        const profile = verify ? (get().activeProfileId ?? undefined) : undefined;
        const report = await callChecked(deps.api, 'inspectToken', {
          source: wire,
          introspect: introspect && profile !== undefined,
          ...(profile === undefined ? {} : { profileId: profile }),
        });
        if (seq !== inspectSeq) return;
        set({
          inspector: {
            status: 'done',
            subject: {
              ...subject,
              masked: report.kind === 'jwt' ? report.preview : subject.masked,
            },
            report,
            error: null,
            verified: profile !== undefined,
            introspected: report.introspection !== undefined,
          },
        });
      } catch (error) {
        if (seq !== inspectSeq) return;
        set((state) => ({
          inspector: {
            ...state.inspector,
            status: 'failed',
            error: describeThrown(error, 'The token could not be inspected'),
          },
        }));
      }
    },

    introspectCurrent: async () => {
      const subject = get().inspector.subject;
      if (!subject) return;
      const source =
        subject.kind === 'held'
          ? { kind: 'held' as const, tokenRef: subject.tokenRef }
          : pasted === null
            ? null
            : { kind: 'raw' as const, token: pasted };
      if (source) await get().inspect(source, { verify: true, introspect: true });
    },

    clearInspector: () => {
      pasted = null;
      inspectSeq++;
      set({ inspector: IDLE_INSPECTOR });
    },

    compareTokens: async (a, b) => {
      set({ comparison: { status: 'comparing', diff: null, error: null } });
      try {
        const diff = await callChecked(deps.api, 'diffTokens', { a, b });
        set({ comparison: { status: 'done', diff, error: null } });
      } catch (error) {
        set({
          comparison: {
            status: 'failed',
            diff: null,
            error: describeThrown(error, 'The tokens could not be compared'),
          },
        });
      }
    },

    clearComparison: () => set({ comparison: IDLE_COMPARISON }),
  };
};

export type TokenWorkbenchSlice = TokenSlice & FlowSlice;

export const createTokenWorkbenchSlice: DepsSliceCreator<TokenWorkbenchSlice> =
  (deps) =>
  (...args): TokenWorkbenchSlice => {
    const tokens: SliceCreator<TokenSlice> = createTokenSlice(deps);
    return { ...tokens(...args), ...createFlowSlice(deps)(...args) };
  };
