import { loadScopeAsync, type ScopeNeeds, type ScopeRows } from '../../../shared/engine/scope';
import { emptyState, type EngineState } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';
import { runsWithSteps } from './runSteps';
import { seenFirst } from './seenFirst';
import { remembering } from './sliceMemo';

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

async function loadRows(db: StationDb, needs: ScopeNeeds): Promise<ScopeRows> {
  // The steps are looked up by run id together with the runs, not after them: one round trip
  // fewer (runSteps.ts: a batch's runs and stored steps in two range reads; the pristine steps
  // the cache holds no row for are copied from the run's procedure, kept in memory once read).
  const [{ runs, steps }, batches, users, reviews] = await Promise.all([
    runsWithSteps(db, needs.runIds),
    db.batches.bulkGet(needs.batchIds),
    db.users.bulkGet(needs.userIds),
    db.reviews.bulkGet(needs.reviewIds),
  ]);
  return { runs, steps: steps.flat(), batches: present(batches), users: present(users), reviews: present(reviews) };
}

/**
 * The slice of the cache the engine needs for `op`. Call inside the transaction that writes, over
 * the cache tables (procedures included: a pristine step is copied from its procedure).
 */
export function loadSlice(db: StationDb, op: Operation): Promise<EngineState> {
  return loadScopeAsync(op, seenFirst(op, (needs) => loadRows(db, needs)), emptyState());
}

/** loadSlice for a preview: the answers are remembered, for the write that may follow (sliceMemo.ts). */
export function loadSliceRemembered(db: StationDb, op: Operation): Promise<EngineState> {
  return loadScopeAsync(op, seenFirst(op, remembering(db, (needs) => loadRows(db, needs))), emptyState());
}
