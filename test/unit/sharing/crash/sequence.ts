/**
 * The deterministic sequence of outbox changes the crash writer makes: add e0, discard e0, add
 * e1, add e2, add e3, discard e3, … Each state is written as `id:status` strings, so the test
 * can tell exactly which committed state a reloaded outbox equals.
 */
export type CrashOp = { kind: 'add'; id: string } | { kind: 'discard'; id: string };

export interface Row {
  id: string;
  status: string;
}

export function nextOp(rows: readonly Row[]): CrashOp {
  const last = rows[rows.length - 1];
  if (last !== undefined && rows.length % 3 === 1 && last.status === 'queued') {
    return { kind: 'discard', id: last.id };
  }
  return { kind: 'add', id: `e${rows.length}` };
}

export function applyOp(rows: readonly Row[], op: CrashOp): Row[] {
  return op.kind === 'add'
    ? [...rows, { id: op.id, status: 'queued' }]
    : rows.map((row) => (row.id === op.id ? { ...row, status: 'discarded' } : row));
}

export function render(rows: readonly Row[]): string {
  return rows.map((row) => `${row.id}:${row.status}`).join(',');
}

/** The first `count + 1` states of the sequence, starting from empty. */
export function states(count: number): string[] {
  const out = [''];
  let rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    rows = applyOp(rows, nextOp(rows));
    out.push(render(rows));
  }
  return out;
}
