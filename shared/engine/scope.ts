import type { Batch } from '../schemas/batch';
import type { Operation } from '../schemas/operation';
import type { Run, RunStep } from '../schemas/run';
import type { User } from '../schemas/users';
import type { EngineState, MutableEngineState } from './state';

/** Rows to add to the slice the engine reads. A loader that returns a run returns all its steps. */
export interface ScopeRows {
  runs: readonly Run[];
  steps: readonly RunStep[];
  batches: readonly Batch[];
  users: readonly User[];
}

export interface ScopeNeeds {
  runIds: string[];
  batchIds: string[];
  userIds: string[];
}

function namedRuns(op: Operation): readonly string[] {
  if ('runIds' in op) return op.runIds;
  if ('runId' in op) return [op.runId];
  return [];
}

/**
 * What the engine still needs to apply `op` to `state`: the actor, the runs and batch it names,
 * the batch of every run it holds, and every member of every batch it holds (propagation and the
 * batch rules read them). Ids already asked for and not found are in `absent` and not asked again.
 */
export function scopeNeeds(op: Operation, state: EngineState, absent: ReadonlySet<string>): ScopeNeeds | null {
  const runIds = new Set<string>();
  const batchIds = new Set<string>();
  const wantRun = (id: string) => {
    if (!state.runs.has(id) && !absent.has(`run:${id}`)) runIds.add(id);
  };
  const wantBatch = (id: string) => {
    if (!state.batches.has(id) && !absent.has(`batch:${id}`)) batchIds.add(id);
  };
  namedRuns(op).forEach(wantRun);
  if ('batchId' in op) wantBatch(op.batchId);
  for (const run of state.runs.values()) if (run.batchId !== null) wantBatch(run.batchId);
  for (const batch of state.batches.values()) batch.memberRunIds.forEach(wantRun);
  const userIds = state.users.has(op.actorId) || absent.has(`user:${op.actorId}`) ? [] : [op.actorId];
  if (runIds.size === 0 && batchIds.size === 0 && userIds.length === 0) return null;
  return { runIds: [...runIds], batchIds: [...batchIds], userIds };
}

function merge(state: EngineState, needs: ScopeNeeds, rows: ScopeRows, absent: Set<string>): EngineState {
  const runs = new Map(state.runs);
  const steps = new Map(state.steps);
  const batches = new Map(state.batches);
  const users = new Map(state.users);
  rows.runs.forEach((r) => runs.set(r.id, r));
  rows.steps.forEach((s) => steps.set(s.id, s));
  rows.batches.forEach((b) => batches.set(b.id, b));
  rows.users.forEach((u) => users.set(u.id, u));
  needs.runIds.filter((id) => !runs.has(id)).forEach((id) => absent.add(`run:${id}`));
  needs.batchIds.filter((id) => !batches.has(id)).forEach((id) => absent.add(`batch:${id}`));
  needs.userIds.filter((id) => !users.has(id)).forEach((id) => absent.add(`user:${id}`));
  return { runs, steps, batches, users };
}

/**
 * Loads what `op` needs into `cache`, in place, from a synchronous store: rows already in the
 * cache are not read again. The cache must hold the store's current rows (its owner applies every
 * change it writes with applyChangesInPlace), so it lives no longer than one writer's transaction.
 */
export function loadScopeInto(op: Operation, load: (needs: ScopeNeeds) => ScopeRows, cache: MutableEngineState): void {
  const absent = new Set<string>();
  for (let needs = scopeNeeds(op, cache, absent); needs; needs = scopeNeeds(op, cache, absent)) {
    const rows = load(needs);
    rows.runs.forEach((r) => cache.runs.set(r.id, r));
    rows.steps.forEach((s) => cache.steps.set(s.id, s));
    rows.batches.forEach((b) => cache.batches.set(b.id, b));
    rows.users.forEach((u) => cache.users.set(u.id, u));
    needs.runIds.filter((id) => !cache.runs.has(id)).forEach((id) => absent.add(`run:${id}`));
    needs.batchIds.filter((id) => !cache.batches.has(id)).forEach((id) => absent.add(`batch:${id}`));
    needs.userIds.filter((id) => !cache.users.has(id)).forEach((id) => absent.add(`user:${id}`));
  }
}

/** Loads the slice `op` needs from a synchronous store (the server's SQLite). */
export function loadScope(op: Operation, load: (needs: ScopeNeeds) => ScopeRows, start: EngineState): EngineState {
  const absent = new Set<string>();
  let state = start;
  for (let needs = scopeNeeds(op, state, absent); needs; needs = scopeNeeds(op, state, absent)) {
    state = merge(state, needs, load(needs), absent);
  }
  return state;
}

/** Loads the slice `op` needs from an asynchronous store (the station's IndexedDB). */
export async function loadScopeAsync(
  op: Operation,
  load: (needs: ScopeNeeds) => Promise<ScopeRows>,
  start: EngineState,
): Promise<EngineState> {
  const absent = new Set<string>();
  let state = start;
  for (let needs = scopeNeeds(op, state, absent); needs; needs = scopeNeeds(op, state, absent)) {
    state = merge(state, needs, await load(needs), absent);
  }
  return state;
}
