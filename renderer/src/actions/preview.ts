import { applyOperation } from '../../../shared/engine/apply';
import type { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { StationDb } from '../store/db';
import { loadSliceRemembered } from '../store/loader';

/**
 * What an operation would do, computed by the engine on the cache without writing anything:
 * which siblings it reaches ("Also applies to N runs in batch"), which it leaves out and why, or
 * why it would be refused. Shown before a person confirms. The cache's answers are remembered:
 * the confirm that follows writes without waiting for them again (store/sliceMemo.ts).
 */
export async function previewOperation(db: StationDb, op: Operation): Promise<Outcome> {
  const state = await db.transaction('r', [...db.cacheTables, db.meta], () => loadSliceRemembered(db, op));
  return applyOperation(state, op).outcome;
}
