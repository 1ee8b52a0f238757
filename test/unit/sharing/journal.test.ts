import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../main/sharing/csv';
import { SELECTED_ORG_ONLY, WITH_CHILDREN } from '../../../preload/contract/sharing-domain';
import { admin, viewer } from './support/fixtures';
import { serviceHarness } from './support/service';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setup(agents?: string[]) {
  const s = await serviceHarness(agents);
  dirs.push(s.dir);
  return s;
}

const business = {
  mode: 'selected' as const,
  organizations: [{ orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] }],
};

describe('csv', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['plain, with "quotes"', `"plain, with ""quotes"""`],
    ['', '""'],
  ])('escapes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes one quoted row per record with CRLF endings', () => {
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('"a","b"\r\n"1",""\r\n');
  });
});

describe('journal', () => {
  it('records each applied plan with its before-state, steps and verification', async () => {
    const s = await setup();
    const batch = await s.service.preview(['agent-1'], business);
    const report = await s.service.apply(batch.id);
    expect(report.agents[0]?.outcome).toBe('verified');

    const [entry] = s.service.journal();
    expect(entry).toMatchObject({
      profileId: 'profile-1',
      agentId: 'agent-1',
      source: 'direct',
      outcome: 'verified',
      undoOf: null,
    });
    expect(entry?.before?.organizations).toEqual([]);
    expect(entry?.steps.map((step) => step.status)).toEqual(['accepted']);
    expect(entry?.verification?.counts.done).toBe(4);
  });

  it('does not journal a plan that sent nothing', async () => {
    const s = await setup();
    const batch = await s.service.preview(['agent-1'], { mode: 'none' });
    await s.service.apply(batch.id);
    expect(s.service.journal()).toEqual([]);
  });

  it('refuses to apply the same preview twice', async () => {
    const s = await setup();
    const batch = await s.service.preview(['agent-1'], business);
    await s.service.apply(batch.id);
    await expect(s.service.apply(batch.id)).rejects.toThrow(/already applied/);
    expect(s.api.writes()).toHaveLength(1);
  });

  it('filters by agent, time range and outcome, newest first', async () => {
    const s = await setup(['a1', 'a2']);
    await s.service.apply((await s.service.preview(['a1'], business)).id);
    s.time.time.now += 60_000;
    const t2 = new Date(s.time.time.now).toISOString();
    s.api.faults.set('share', [{ kind: 'reject' }]);
    await s.service.apply((await s.service.preview(['a2'], business)).id);
    s.time.time.now += 60_000;
    await s.service.apply((await s.service.preview(['a1'], { mode: 'none' })).id);

    const all = s.service.journal();
    expect(all.map((e) => `${e.agentId}:${e.outcome}`)).toEqual([
      'a1:verified',
      'a2:failed',
      'a1:verified',
    ]);
    expect(s.service.journal({ agentId: 'a1' })).toHaveLength(2);
    expect(s.service.journal({ outcomes: ['failed'] }).map((e) => e.agentId)).toEqual(['a2']);
    expect(s.service.journal({ from: t2 })).toHaveLength(2);
    expect(s.service.journal({ to: t2 })).toHaveLength(2);
    expect(() => s.service.journal({ outcomes: ['nope'] })).toThrow(/outcomes/);
  });

  it('exports JSON and spreadsheet-safe CSV', async () => {
    const s = await setup(['=cmd|calc']);
    s.model.orgs.get('business')!.name = '@Business';
    await s.service.apply((await s.service.preview(['=cmd|calc'], business)).id);

    const json = s.service.exportJournal('json');
    expect(json.fileName).toMatch(/^sharedesk-journal-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json.content)).toHaveLength(1);

    const csv = s.service.exportJournal('csv').content;
    const [header, row] = csv.split('\r\n');
    expect(header).toContain('"agentId"');
    expect(row).toContain(`"'=cmd|calc"`);
    expect(row).not.toMatch(/(^|,)"[=+\-@]/);
  });

  it('undo builds the inverse plan from the before-state and restores it', async () => {
    const s = await setup();
    s.model.share(
      ['agent-1'],
      [
        {
          orgId: 'retail',
          policy: WITH_CHILDREN,
          roleAssignment: {
            mode: 'SELECTED',
            roles: [{ displayName: 'Admin', audience: { display: 'Acme', type: 'organization' } }],
          },
        },
        { orgId: 'logistics', policy: SELECTED_ORG_ONLY },
      ],
    );
    const before = s.model.fingerprint('agent-1');
    await s.service.apply((await s.service.preview(['agent-1'], business)).id);
    expect(s.model.fingerprint('agent-1')).not.toBe(before);
    const [applied] = s.service.journal();

    const undo = await s.service.undo(applied!.id);
    expect(undo.source).toBe('undo');
    expect(undo.undoOf).toBe(applied!.id);
    expect(undo.desired).toEqual({
      mode: 'selected',
      organizations: [
        { orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [] },
        { orgId: 'retail', policy: WITH_CHILDREN, roles: [admin] },
      ],
    });
    expect(undo.plans[0]?.blastRadius.lost.map((o) => o.orgName).sort()).toEqual([
      'Asia',
      'Berlin',
      'Business',
      'Europe',
    ]);

    const report = await s.service.apply(undo.id);
    expect(report.agents[0]?.outcome).toBe('verified');
    expect(s.model.fingerprint('agent-1')).toBe(before);
    expect(s.service.journal()[0]).toMatchObject({ source: 'undo', undoOf: applied!.id });
  });

  it('undo warns about what it cannot restore exactly', async () => {
    const s = await setup();
    s.model.share(['agent-1'], [{ orgId: 'business', policy: WITH_CHILDREN }]);
    s.model.share(['agent-1'], [{ orgId: 'retail', policy: SELECTED_ORG_ONLY }]);
    // Business's policy is gone, its subtree stays: Europe, Berlin, Asia are outside any policy.
    await s.service.apply((await s.service.preview(['agent-1'], { mode: 'none' })).id);
    const undo = await s.service.undo(s.service.journal()[0]!.id);
    const gaps = undo.plans[0]?.issues.filter((i) => i.code === 'not-restorable') ?? [];
    expect(gaps.map((g) => g.orgId).sort()).toEqual(['asia', 'berlin', 'europe']);
  });
});
