import type { Batch } from '../schemas/batch';
import type { Operation } from '../schemas/operation';
import type { Review } from '../schemas/review';
import type { Run, RunStep } from '../schemas/run';
import type { User } from '../schemas/users';
import type { EngineState, MutableEngineState } from './state';

/** Rows to add to the slice the engine reads. A loader that returns a run returns all its steps. */
export interface ScopeRows {
  runs: readonly Run[];
  steps: readonly RunStep[];
  batches: readonly Batch[];
  users: readonly User[];
  reviews: readonly Review[];
}

export interface ScopeNeeds {
  runIds: string[];
  batchIds: string[];
  userIds: string[];
  reviewIds: string[];
}

/**
 * The runs an operation names. A step operation also names the runs its author saw in the batch
 * that are no longer in it (each gets a left-out review on its step). A resolveReview names the
 * review's run and the run the original operation acted on (applyToRun reads both).
 */
function namedRuns(op: Operation, state: EngineState, absent: ReadonlySet<string>): readonly string[] {
  if (op.kind === 'resolveReview') {
    const review = state.reviews.get(op.reviewId);
    if (!review) return [];
    const original = review.operation;
    return 'runId' in original ? [review.runId, original.runId] : [review.runId];
  }
  if ('runIds' in op) return op.runIds;
  if (!('runId' in op)) return [];
  if (!('seen' in op) || op.seen.batchId === null) return [op.runId];
  const run = state.runs.get(op.runId);
  if (!run) return [op.runId];
  const batch = run.batchId === op.seen.batchId ? state.batches.get(run.batchId) : undefined;
  // The run's batch is loaded first: who left it can only be told once its members are known.
  if (run.batchId === op.seen.batchId && !batch && !absent.has(`batch:${run.batchId}`)) return [op.runId];
  const now = new Set(batch?.memberRunIds ?? []);
  return [op.runId, ...op.seen.batchMembers.filter((id) => !now.has(id))];
}

/** The people an operation needs: its actor, and for a resolveReview the original author too. */
function namedUsers(op: Operation, state: EngineState): string[] {
  if (op.kind !== 'resolveReview') return [op.actorId];
  const review = state.reviews.get(op.reviewId);
  return review ? [op.actorId, review.actorId] : [op.actorId];
}

/**
 * What the engine still needs to apply `op` to `state`: the actor, the runs and batch it names,
 * the batch of every run it reaches, and every member of every batch it reaches (propagation and
 * the batch rules read them); for a resolveReview, first the review. Ids already asked for and not
 * found are in `absent` and not asked again.
 *
 * Only what the operation reaches is walked, from the rows it names: a state that also holds rows
 * of other batches (the server's cache of a whole push) costs nothing more per operation.
 */
export function scopeNeeds(op: Operation, state: EngineState, absent: ReadonlySet<string>): ScopeNeeds | null {
  const runIds = new Set<string>();
  const batchIds = new Set<string>();
  // Runs and batches reached so far, in the order reached: a held run leads to its batch, a held
  // batch to its members. Runs are walked before batches, so named runs are asked for first.
  const runs = [...new Set(namedRuns(op, state, absent))];
  const batches = 'batchId' in op ? [op.batchId] : [];
  const reachedRuns = new Set(runs);
  const reachedBatches = new Set(batches);
  for (let r = 0, b = 0; r < runs.length || b < batches.length; ) {
    if (r < runs.length) {
      const id = runs[r++] ?? '';
      const run = state.runs.get(id);
      if (!run) {
        if (!absent.has(`run:${id}`)) runIds.add(id);
      } else if (run.batchId !== null && !reachedBatches.has(run.batchId)) {
        reachedBatches.add(run.batchId);
        batches.push(run.batchId);
      }
    } else {
      const id = batches[b++] ?? '';
      const batch = state.batches.get(id);
      if (!batch) {
        if (!absent.has(`batch:${id}`)) batchIds.add(id);
        continue;
      }
      for (const member of batch.memberRunIds) {
        if (reachedRuns.has(member)) continue;
        reachedRuns.add(member);
        runs.push(member);
      }
    }
  }
  const userIds = [...new Set(namedUsers(op, state))].filter((id) => !state.users.has(id) && !absent.has(`user:${id}`));
  const reviewIds =
    op.kind === 'resolveReview' && !state.reviews.has(op.reviewId) && !absent.has(`review:${op.reviewId}`) ? [op.reviewId] : [];
  if (runIds.size === 0 && batchIds.size === 0 && userIds.length === 0 && reviewIds.length === 0) return null;
  return { runIds: [...runIds], batchIds: [...batchIds], userIds, reviewIds };
}

function merge(state: EngineState, needs: ScopeNeeds, rows: ScopeRows, absent: Set<string>): EngineState {
  const runs = new Map(state.runs);
  const steps = new Map(state.steps);
  const batches = new Map(state.batches);
  const users = new Map(state.users);
  const reviews = new Map(state.reviews);
  const next = { runs, steps, batches, users, reviews };
  putRows(next, rows);
  markAbsent(next, needs, absent);
  return next;
}

function putRows(into: MutableEngineState, rows: ScopeRows): void {
  rows.runs.forEach((r) => into.runs.set(r.id, r));
  rows.steps.forEach((s) => into.steps.set(s.id, s));
  rows.batches.forEach((b) => into.batches.set(b.id, b));
  rows.users.forEach((u) => into.users.set(u.id, u));
  rows.reviews.forEach((r) => into.reviews.set(r.id, r));
}

/** Ids asked for and not found are remembered, so a loop never asks for them again. */
function markAbsent(state: EngineState, needs: ScopeNeeds, absent: Set<string>): void {
  needs.runIds.filter((id) => !state.runs.has(id)).forEach((id) => absent.add(`run:${id}`));
  needs.batchIds.filter((id) => !state.batches.has(id)).forEach((id) => absent.add(`batch:${id}`));
  needs.userIds.filter((id) => !state.users.has(id)).forEach((id) => absent.add(`user:${id}`));
  needs.reviewIds.filter((id) => !state.reviews.has(id)).forEach((id) => absent.add(`review:${id}`));
}

/**
 * Loads what `op` needs into `cache`, in place, from a synchronous store: rows already in the
 * cache are not read again. The cache must hold the store's current rows (its owner applies every
 * change it writes with applyChangesInPlace), so it lives no longer than one writer's transaction.
 */
export function loadScopeInto(op: Operation, load: (needs: ScopeNeeds) => ScopeRows, cache: MutableEngineState): void {
  const absent = new Set<string>();
  for (let needs = scopeNeeds(op, cache, absent); needs; needs = scopeNeeds(op, cache, absent)) {
    putRows(cache, load(needs));
    markAbsent(cache, needs, absent);
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
