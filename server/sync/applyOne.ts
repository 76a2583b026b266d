import { applyOperation } from '../../shared/engine/apply';
import { loadScopeInto } from '../../shared/engine/scope';
import { applyChangesInPlace, type MutableEngineState } from '../../shared/engine/state';
import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import type { Store } from '../storage/store';

/**
 * The authoritative apply of one new operation: load the slice it needs, run the shared engine,
 * write its effects with their feed entries, then its outcome entry and record. The caller holds
 * the transaction, so all of it commits together or not at all.
 */
export const emptyMutableState = (): MutableEngineState => ({ runs: new Map(), steps: new Map(), batches: new Map(), users: new Map(), reviews: new Map() });

export function applyOne(
  store: Store,
  op: Operation,
  stationSeq: number,
  receivedAt: string,
  cache: MutableEngineState = emptyMutableState(),
): { outcome: Outcome; feedSeq: number } {
  // Rows an earlier operation of the same push loaded are not read again: the push holds the one
  // writer's transaction, and each change written is applied to the cache too, so it stays exact.
  loadScopeInto(op, (needs) => store.plant.scopeRows(needs), cache);
  const { outcome, changes } = applyOperation(cache, op);
  store.plant.write(changes, receivedAt);
  applyChangesInPlace(cache, changes);
  const feedSeq = store.feed.append('operation', op.id, 'put', op.stationId, receivedAt);
  store.operations.record(op, stationSeq, outcome, feedSeq, receivedAt);
  return { outcome, feedSeq };
}
