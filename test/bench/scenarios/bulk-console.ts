/**
 * The WSO2 Console's way of sharing an agent with selected organizations (reference §10), as
 * the baseline of the bulk-share scenario: on load it reads the agent's share state (first
 * page of 10), the root roles and the top level of the org tree 15 at a time; on save it sends
 * one `POST /agents/share` per newly selected organization, then reads the share state again.
 * The Console does not verify; the benchmark then polls the share state on the app's own
 * schedule to learn when the result is visible, and counts those reads separately.
 */
import { nextCursor, type BareClient } from '../lib/bare';
import { TENANT_PATH } from '../lib/harness';
import { pool } from '../lib/pool';

const AGENTS_PATH = `${TENANT_PATH}/api/server/v1/agents`;
/** A browser opens at most six HTTP/1.1 connections per origin: the Console's best case. */
export const CONSOLE_IN_FLIGHT = 6;
const TOP_LEVEL_PAGE = 15;

export interface WireRole {
  displayName: string;
  audience: { display: string; type: 'organization' | 'application' };
}

/** The Console's save for one agent; resolves the number of requests it sent. */
export async function consoleSave(
  bare: BareClient,
  token: string,
  agentId: string,
  orgIds: readonly string[],
  role: WireRole,
): Promise<number> {
  await pool(orgIds.length, CONSOLE_IN_FLIGHT, async (index) => {
    const response = await bare.postJson(
      `${AGENTS_PATH}/share`,
      {
        agentCriteria: { agentIds: [agentId] },
        organizations: [
          {
            orgId: orgIds[index],
            policy: 'SELECTED_ORG_ONLY',
            roleAssignment: { mode: 'SELECTED', roles: [role] },
          },
        ],
      },
      token,
    );
    if (response.status !== 202) throw new Error(`Console share: HTTP ${response.status}`);
  });
  const reread = await bare.get(
    `${AGENTS_PATH}/${agentId}/share?recursive=true&attributes=sharingMode%2Croles&limit=10&filter=`,
    token,
  );
  if (reread.status !== 200) throw new Error(`Console re-read: HTTP ${reread.status}`);
  return orgIds.length + 1;
}

interface ShareEntry {
  orgId: string;
  roles?: { displayName: string }[];
}

async function sharedWithRole(
  bare: BareClient,
  token: string,
  agentId: string,
  role: string,
): Promise<Set<string>> {
  const response = await bare.get(`${AGENTS_PATH}/${agentId}/share?attributes=roles`, token);
  if (response.status !== 200) throw new Error(`share read: HTTP ${response.status}`);
  const entries = (response.body as { organizations?: ShareEntry[] } | undefined)?.organizations;
  const done = new Set<string>();
  for (const entry of entries ?? []) {
    if (entry.roles?.some((r) => r.displayName === role)) done.add(entry.orgId);
  }
  return done;
}

/**
 * Polls (at once, then after 250 ms doubling up to 5 s — the app's schedule) until every
 * agent holds `role` in every org of `orgIds`. Resolves the number of reads.
 */
export async function pollUntilShared(
  bare: BareClient,
  token: string,
  agentIds: readonly string[],
  orgIds: readonly string[],
  role: string,
  deadlineMs = 60_000,
): Promise<number> {
  const started = Date.now();
  const waiting = new Set(agentIds);
  let reads = 0;
  let delay = 250;
  for (;;) {
    for (const agentId of [...waiting]) {
      reads += 1;
      const done = await sharedWithRole(bare, token, agentId, role);
      if (orgIds.every((orgId) => done.has(orgId))) waiting.delete(agentId);
    }
    if (waiting.size === 0) return reads;
    if (Date.now() - started + delay > deadlineMs) {
      throw new Error(`${waiting.size} agents were not shared as asked within ${deadlineMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5_000);
  }
}

/** The reads the Console makes when its sharing form opens; resolves how many it sent. */
export async function consoleLoad(
  bare: BareClient,
  token: string,
  agentId: string,
  selected: number,
): Promise<number> {
  const reads = [
    `${AGENTS_PATH}/${agentId}/share?recursive=true&attributes=sharingMode%2Croles&limit=10&filter=`,
    `${TENANT_PATH}/scim2/v3/Roles?excludedAttributes=agents,groups,permissions,associatedApplications`,
  ];
  for (const path of reads) {
    const response = await bare.get(path, token);
    if (response.status !== 200) throw new Error(`Console load ${path}: HTTP ${response.status}`);
  }
  // The user pages through the top level until every organization to select has been shown.
  let shown = 0;
  let pages = 0;
  let after: string | undefined;
  do {
    const query = `limit=${TOP_LEVEL_PAGE}&recursive=false${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const response = await bare.get(`${TENANT_PATH}/api/server/v1/organizations?${query}`, token);
    pages += 1;
    shown += (response.body as { organizations?: unknown[] }).organizations?.length ?? 0;
    after = nextCursor(response.body);
  } while (after !== undefined && shown < selected);
  return reads.length + pages;
}
