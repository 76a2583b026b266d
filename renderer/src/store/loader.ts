import { loadScopeAsync, type ScopeNeeds, type ScopeRows } from '../../../shared/engine/scope';
import { emptyState, type EngineState } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { RunStep } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import { indexGetAll } from './indexGetAll';

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

async function loadRows(db: StationDb, needs: ScopeNeeds): Promise<ScopeRows> {
  // The steps are looked up by run id together with the runs, not after them: one round trip
  // fewer. One getAll per run, all in flight at once (anyOf over many runs walks a cursor row by
  // row: 707 steps of 101 runs took ~20 ms, these ~10 ms in Chromium).
  const [runs, batches, users, reviews, perRun] = await Promise.all([
    db.runs.bulkGet(needs.runIds),
    db.batches.bulkGet(needs.batchIds),
    db.users.bulkGet(needs.userIds),
    db.reviews.bulkGet(needs.reviewIds),
    indexGetAll<RunStep>(db, 'runSteps', 'runId', needs.runIds),
  ]);
  return { runs: present(runs), steps: perRun.flat(), batches: present(batches), users: present(users), reviews: present(reviews) };
}

/** The slice of the cache the engine needs for `op`. Call inside the transaction that writes. */
export function loadSlice(db: StationDb, op: Operation): Promise<EngineState> {
  return loadScopeAsync(op, (needs) => loadRows(db, needs), emptyState());
}
