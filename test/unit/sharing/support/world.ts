/** The fixture tree as a server model with the three fixture roles available everywhere. */
import { silentLogger } from '../../../../main/log/logger';
import type { ApplyDeps } from '../../../../main/sharing/apply';
import type { SharingEvent } from '../../../../main/sharing/events';
import { toSnapshot } from '../../../../main/sharing/snapshot';
import type { ShareSnapshot } from '../../../../preload/contract/sharing-domain';
import { FakeSharingApi, fakeTime } from './fake-api';
import { ORGS } from './fixtures';
import { ServerModel } from './server-model';

export const ROLE_KEYS = ['org:Viewer', 'org:Admin', 'app:Portal:Editor'];

export function fixtureModel(agentIds: readonly string[] = ['agent-1']): ServerModel {
  const model = new ServerModel(
    'acme',
    ORGS.map((org) => ({ id: org.id, name: org.name, parentId: org.parentId })),
    new Set(ROLE_KEYS),
    new Map(ORGS.map((org) => [org.id, new Set(ROLE_KEYS)])),
  );
  for (const agentId of agentIds) model.addAgent(agentId);
  return model;
}

export function read(model: ServerModel, agentId = 'agent-1'): ShareSnapshot {
  return toSnapshot(agentId, model.view(agentId), new Date('2026-01-01T00:00:00Z'));
}

export function harness(agentIds: readonly string[] = ['agent-1']) {
  const model = fixtureModel(agentIds);
  const api = new FakeSharingApi(model);
  const time = fakeTime();
  const events: SharingEvent[] = [];
  const deps: ApplyDeps = {
    api,
    clock: time.clock,
    sleep: time.sleep,
    logger: silentLogger,
    emit: (event) => events.push(event),
    poll: { deadlineMs: 30_000, initialDelayMs: 100, maxDelayMs: 1_000 },
    reconcile: { deadlineMs: 2_000, initialDelayMs: 100, maxDelayMs: 500 },
  };
  return { model, api, time, events, deps };
}
