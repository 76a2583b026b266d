import { loadScopeAsync, type ScopeNeeds, type ScopeRows } from '../../../shared/engine/scope';
import { emptyState, type EngineState } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

async function loadRows(db: StationDb, needs: ScopeNeeds): Promise<ScopeRows> {
  const [runs, batches, users, reviews] = await Promise.all([
    db.runs.bulkGet(needs.runIds),
    db.batches.bulkGet(needs.batchIds),
    db.users.bulkGet(needs.userIds),
    db.reviews.bulkGet(needs.reviewIds),
  ]);
  const found = present(runs);
  const steps = found.length === 0 ? [] : await db.runSteps.where('runId').anyOf(found.map((r) => r.id)).toArray();
  return { runs: found, steps, batches: present(batches), users: present(users), reviews: present(reviews) };
}

/** The slice of the cache the engine needs for `op`. Call inside the transaction that writes. */
export function loadSlice(db: StationDb, op: Operation): Promise<EngineState> {
  return loadScopeAsync(op, (needs) => loadRows(db, needs), emptyState());
}
