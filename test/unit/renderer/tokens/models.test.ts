/** The workbench's pure helpers: run building, chain nodes, times, scopes and error wording. */
import { describe, expect, it } from 'vitest';
import { chainNodes, chainSummary } from '../../../../renderer/features/tokens/chainModel';
import { describeFlowError } from '../../../../renderer/features/tokens/flowErrors';
import {
  applyFlowEvent,
  MAX_RUNS,
  type FlowRun,
} from '../../../../renderer/features/tokens/runModel';
import { maskToken, parseScopes } from '../../../../renderer/features/tokens/scopes';
import { formatCountdown, formatRelativeTime } from '../../../../renderer/features/tokens/time';
import { actorLabel, heldTokenOption } from '../../../../renderer/features/tokens/heldTokenText';
import { AGENT, heldToken, PRIOR_AGENT, report, step, USER } from './fixtures';

const NONE: ReadonlyMap<string, FlowRun> = new Map();

describe('applyFlowEvent', () => {
  it('orders steps by index whatever order they arrive in, replacing repeats', () => {
    let runs = applyFlowEvent(NONE, { profileId: 'p', type: 'step', step: step(2) }, 1);
    runs = applyFlowEvent(runs, { profileId: 'p', type: 'step', step: step(0) }, 2);
    runs = applyFlowEvent(
      runs,
      { profileId: 'p', type: 'step', step: step(2, { status: 500 }) },
      3,
    );

    const run = runs.get('flow-1');
    expect(run?.steps.map((s) => [s.index, s.status])).toEqual([
      [0, 200],
      [2, 500],
    ]);
    expect(run?.seenAt).toBe(1);
  });

  it('finishes a run with its error and keeps at most the newest runs', () => {
    let runs = NONE;
    for (let i = 0; i < MAX_RUNS + 3; i++) {
      runs = applyFlowEvent(
        runs,
        { profileId: 'p', type: 'flow-started', flowId: `f${i}`, kind: 'refresh' },
        i,
      );
    }
    runs = applyFlowEvent(
      runs,
      {
        profileId: 'p',
        type: 'flow-finished',
        flowId: 'f5',
        ok: false,
        error: { kind: 'timeout', message: 'late' },
      },
      99,
    );

    expect(runs.size).toBe(MAX_RUNS);
    expect(runs.has('f0')).toBe(false);
    expect(runs.get('f5')).toMatchObject({ status: 'failed', error: { message: 'late' } });
  });
});

describe('chain model', () => {
  it('puts the subject first and says the chain in one sentence', () => {
    const nodes = chainNodes(report());

    expect(nodes.map((n) => [n.role, n.id])).toEqual([
      ['subject', USER],
      ['current actor', AGENT],
      ['prior (informational)', PRIOR_AGENT],
    ]);
    expect(chainSummary(nodes, true)).toBe(
      `Subject ${USER}, acted for by current actor ${AGENT}, then by prior (informational) ${PRIOR_AGENT}. The chain was cut off at the depth limit.`,
    );
  });
});

describe('times', () => {
  it('words relative times and counts down to expiry', () => {
    expect(formatRelativeTime(12 * 60_000, 0)).toBe('in 12 min');
    expect(formatRelativeTime(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(formatCountdown(3_725_000, 0)).toBe('1 h 02 min');
    expect(formatCountdown(692_000, 0)).toBe('11 min 32 s');
    expect(formatCountdown(0, 1)).toBe('expired');
  });
});

describe('scopes and masking', () => {
  it('splits on spaces and commas, drops repeats, and names a bad entry', () => {
    expect(parseScopes(' openid,profile  openid ')).toEqual({
      scopes: ['openid', 'profile'],
      error: null,
    });
    expect(parseScopes('ok bad\\scope').error).toBe('“bad\\scope” is not a valid scope.');
  });

  it('shows only the ends of a token and its length', () => {
    expect(maskToken('abcdefghijklmnopqrstuvwxyz')).toBe('abcdef…wxyz (26 chars)');
    expect(maskToken('short')).toBe('••••• (5 chars)');
  });
});

describe('describeFlowError', () => {
  it('keeps the server’s words and lists an error URI as text', () => {
    expect(
      describeFlowError({
        kind: 'authorization_denied',
        message: 'User denied the consent',
        server: {
          error: 'access_denied',
          errorDescription: 'User denied the consent',
          errorUri: 'https://evil.example/',
          traceId: 't-1',
        },
      }),
    ).toEqual({
      title: 'Consent was denied',
      message: 'User denied the consent',
      details: [
        'Error: access_denied',
        'More information (not opened): https://evil.example/',
        'Trace id: t-1',
      ],
    });
  });
});

describe('actorLabel', () => {
  const agents = [{ agentId: AGENT, label: 'Support Assistant' }];

  it("names a kept agent by the profile's label, for a user when delegated", () => {
    expect(actorLabel(heldToken(), agents)).toBe(`Support Assistant for ${USER}`);
    expect(actorLabel(heldToken({ actor: AGENT }), agents)).toBe('Support Assistant');
    expect(heldTokenOption(heldToken({ actor: AGENT, source: 'agent-login' }), agents)).toBe(
      `Agent login · Business (${heldToken().organizationId}) · Support Assistant · ` +
        heldToken().preview,
    );
  });

  it('leaves an actor that is no kept agent to its raw subject', () => {
    expect(actorLabel(heldToken({ actor: PRIOR_AGENT }), agents)).toBeUndefined();
    expect(actorLabel(heldToken({ actor: 'admin-client' }), [])).toBeUndefined();
  });
});
