import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTlsIdentity, type TlsIdentity } from '../../../main/sandbox/cert';
import { buildDemoState } from '../../../main/sandbox/data/demo';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import {
  SandboxStateFileError,
  deserializeState,
  loadStateFile,
  serializeState,
  writeAtomically,
} from '../../../main/sandbox/persist';
import type { SandboxState } from '../../../main/sandbox/state';

const NOW = Date.UTC(2026, 11, 1);
let tls: TlsIdentity;

beforeAll(async () => {
  tls = await createTlsIdentity();
});

function snapshot(state: SandboxState) {
  return {
    orgs: [...state.orgs.values()].sort((a, b) => a.id.localeCompare(b.id)),
    children: [...state.orgs.keys()].sort().map((id) => state.children(id).map((o) => o.id)),
    roles: [...state.roles.values()].sort((a, b) => a.id.localeCompare(b.id)),
    agents: [...state.agents.values()],
    users: [...state.users.values()],
    applications: [...state.applications.values()],
    assignments: [...state.roleAssignments].map(([k, v]) => [k, [...v].sort()]).sort(),
    associations: [...state.shareAssociations.values()],
    policies: state.sharePolicies,
    next: state.nextAssociationId,
  };
}

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
}

describe('state file', () => {
  it('round-trips every record, storing derived role copies by id only', () => {
    const state = buildDemoState(NOW);
    state.shareAssociations.set(1, {
      id: 1,
      agentId: DEMO.agents.supportAssistant,
      orgId: DEMO.orgs.business,
      sharedAgentId: DEMO.agents.supportAssistant,
      residentOrgId: state.rootOrgId,
      initiatingOrgId: state.rootOrgId,
      sharedType: 'SHARED',
    });
    state.nextAssociationId = 2;
    const file = serializeState(state, tls, new Date(NOW).toISOString());
    expect(file.roleCopies.length).toBeGreaterThan(200);
    expect(file.roles.every((r) => r.orgId === state.rootOrgId)).toBe(true);
    const restored = deserializeState(JSON.parse(JSON.stringify(file)) as typeof file);
    expect(snapshot(restored)).toEqual(snapshot(state));
  });

  it('saves atomically with owner-only permissions and loads back with the same certificate', async () => {
    const path = tempFile();
    const state = buildDemoState(NOW);
    await writeAtomically(path, JSON.stringify(serializeState(state, tls, 'now')));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
    const loaded = loadStateFile(path)!;
    expect(loaded.tls.fingerprint256).toBe(tls.fingerprint256);
    expect(snapshot(loaded.state)).toEqual(snapshot(state));
  });

  it('reports a missing file as absent', () => {
    expect(loadStateFile(join(tmpdir(), 'no-such-dir-for-sandbox', 'state.json'))).toBeUndefined();
  });

  const corruptions: [string, (file: Record<string, unknown>) => unknown, RegExp][] = [
    ['truncated JSON', () => '{"format":', /not valid JSON/],
    [
      'a wrong field type',
      (f) => ({ ...f, orgs: [{ ...(f.orgs as object[])[0], createdMicros: 'x' }] }),
      /field orgs\[0\]\.createdMicros/,
    ],
    ['another format', (f) => ({ ...f, format: 'something-else' }), /field format/],
    [
      'a dangling parent',
      (f) => ({
        ...f,
        orgs: (f.orgs as { id: string }[]).map((o, i) =>
          i === 3 ? { ...o, parentId: 'nowhere' } : o,
        ),
      }),
      /orgs\[3\]\.parentId names no organization/,
    ],
    [
      'no root',
      (f) => ({ ...f, rootOrgId: 'missing-root' }),
      /root organization missing-root is missing/,
    ],
    [
      'a broken certificate',
      (f) => ({ ...f, tls: { keyPem: 'k', certPem: 'not a pem' } }),
      /tls\.certPem/,
    ],
  ];

  it.each(corruptions)(
    'refuses %s, names the problem and leaves the file alone',
    (_label, corrupt, message) => {
      const path = tempFile();
      const good = serializeState(buildDemoState(NOW), tls, 'now') as unknown as Record<
        string,
        unknown
      >;
      const broken = corrupt(good);
      const text = typeof broken === 'string' ? broken : JSON.stringify(broken);
      writeFileSync(path, text);
      let caught: unknown;
      try {
        loadStateFile(path);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SandboxStateFileError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).toContain(path);
      expect(readFileSync(path, 'utf8')).toBe(text);
    },
  );
});
