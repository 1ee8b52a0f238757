/**
 * `--state FILE`: the sandbox's data and TLS identity on disk, so a restart keeps both. Writes
 * are atomic (temporary file, fsync, rename, fsync of the folder) and debounced after changes.
 * A file that cannot be read is never overwritten: loading fails with the problem named.
 * The file holds the emulated server's credential store (demo secrets), so it is mode 0600.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TlsIdentity } from './cert';
import { identityFromPem } from './cert';
import type { Role } from './model';
import { copyRole } from './roles/copy';
import { SandboxState } from './state';
import {
  STATE_FORMAT,
  STATE_VERSION,
  fieldName,
  findInconsistency,
  stateFileSchema,
  type StateFile,
} from './persist-schema';

export class SandboxStateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(
      `Sandbox state file ${file} is unusable: ${problem}. It was left untouched; fix or remove it, or choose another state file.`,
    );
    this.name = 'SandboxStateFileError';
  }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** True when a role is exactly the copy `copyRole` would make, so only ids need storing. */
function isDerivedCopy(state: SandboxState, role: Role): boolean {
  const source = role.sharedFromRoleId ? state.roles.get(role.sharedFromRoleId) : undefined;
  const org = state.orgs.get(role.orgId);
  if (!source || !org || source.orgId !== state.rootOrgId) return false;
  const derived = copyRole(source, org, role.id);
  return (
    derived.displayName === role.displayName &&
    derived.audience.type === role.audience.type &&
    derived.audience.value === role.audience.value &&
    derived.audience.display === role.audience.display &&
    sameList(derived.permissions, role.permissions)
  );
}

export function serializeState(state: SandboxState, tls: TlsIdentity, savedAt: string): StateFile {
  const roles: Role[] = [];
  const roleCopies: [string, string, string][] = [];
  for (const role of state.roles.values()) {
    if (isDerivedCopy(state, role)) roleCopies.push([role.id, role.orgId, role.sharedFromRoleId!]);
    else roles.push(role);
  }
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt,
    rootOrgId: state.rootOrgId,
    tls: { keyPem: tls.keyPem, certPem: tls.certPem },
    orgs: [...state.orgs.values()],
    applications: [...state.applications.values()],
    users: [...state.users.values()],
    agents: [...state.agents.values()],
    roles,
    roleCopies,
    roleAssignments: [...state.roleAssignments].map(([key, ids]) => [key, [...ids]]),
    shareAssociations: [...state.shareAssociations.values()],
    sharePolicies: state.sharePolicies,
    nextAssociationId: state.nextAssociationId,
  };
}

export function deserializeState(file: StateFile): SandboxState {
  const state = new SandboxState(file.rootOrgId);
  // Newest first keeps every insertion at the end of its parent's child index.
  const orgs = [...file.orgs].sort((a, b) => b.createdMicros - a.createdMicros);
  for (const org of orgs) state.addOrg(org);
  for (const app of file.applications) state.applications.set(app.id, app);
  for (const user of file.users) state.users.set(user.id, user);
  for (const agent of file.agents) state.agents.set(agent.id, agent);
  for (const role of file.roles) state.roles.set(role.id, role);
  for (const [id, orgId, sourceId] of file.roleCopies) {
    state.roles.set(id, copyRole(state.roles.get(sourceId)!, state.orgs.get(orgId)!, id));
  }
  for (const [key, ids] of file.roleAssignments) state.roleAssignments.set(key, new Set(ids));
  for (const row of file.shareAssociations) state.shareAssociations.set(row.id, row);
  state.sharePolicies.push(...file.sharePolicies);
  state.nextAssociationId = file.nextAssociationId;
  return state;
}

/** Reads a state file; undefined when it does not exist, an error naming the problem else. */
export function loadStateFile(file: string): { state: SandboxState; tls: TlsIdentity } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SandboxStateFileError(file, `it cannot be read (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SandboxStateFileError(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = stateFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SandboxStateFileError(file, `field ${fieldName(issue.path)}: ${issue.message}`);
  }
  const problem = findInconsistency(parsed.data);
  if (problem) throw new SandboxStateFileError(file, problem);
  let tls: TlsIdentity;
  try {
    tls = identityFromPem(parsed.data.tls.keyPem, parsed.data.tls.certPem);
  } catch (error) {
    throw new SandboxStateFileError(file, `field tls.certPem: ${(error as Error).message}`);
  }
  return { state: deserializeState(parsed.data), tls };
}

/** Writes `text` so that the file is either the old or the new content, never a mix. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

export interface Persister {
  /**
   * Saves `delayMs` from now (default: the persister's delay). Calls coalesce: one save at the
   * earliest due time, and another at the latest one if a later call asked for it.
   */
  schedule(delayMs?: number): void;
  /** Saves now (waiting for a save in progress first). */
  flush(): Promise<void>;
  /** Cancels a scheduled save and writes the final state. */
  stop(): Promise<void>;
}

export function createPersister(options: {
  file: string;
  state: SandboxState;
  tls: TlsIdentity;
  delayMs: number;
  clock: () => number;
  onError: (error: unknown) => void;
}): Persister {
  let timer: NodeJS.Timeout | undefined;
  let latestDue = 0;
  let chain: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    chain = chain.then(async () => {
      const file = serializeState(
        options.state,
        options.tls,
        new Date(options.clock()).toISOString(),
      );
      await writeAtomically(options.file, JSON.stringify(file));
    });
    chain = chain.catch(options.onError);
    return chain;
  };
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    latestDue = 0;
  };
  const arm = (delayMs: number): void => {
    timer = setTimeout(() => {
      timer = undefined;
      void save();
      const left = latestDue - Date.now();
      if (left > 0) arm(left);
      else latestDue = 0;
    }, delayMs);
    timer.unref();
  };
  return {
    schedule(delayMs = options.delayMs) {
      latestDue = Math.max(latestDue, Date.now() + delayMs);
      if (!timer) arm(delayMs);
    },
    flush() {
      cancel();
      return save();
    },
    async stop() {
      cancel();
      await save();
    },
  };
}
