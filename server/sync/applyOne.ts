import { applyOperation } from '../../shared/engine/apply';
import { loadScope } from '../../shared/engine/scope';
import { emptyState } from '../../shared/engine/state';
import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import type { Store } from '../storage/store';

/**
 * The authoritative apply of one new operation: load the slice it needs, run the shared engine,
 * write its effects with their feed entries, then its outcome entry and record. The caller holds
 * the transaction, so all of it commits together or not at all.
 */
export function applyOne(store: Store, op: Operation, stationSeq: number, receivedAt: string): { outcome: Outcome; feedSeq: number } {
  const state = loadScope(op, (needs) => store.plant.scopeRows(needs), emptyState());
  const { outcome, changes } = applyOperation(state, op);
  store.plant.write(changes, receivedAt);
  const feedSeq = store.feed.append('operation', op.id, 'put', op.stationId, receivedAt);
  store.operations.record(op, stationSeq, outcome, feedSeq, receivedAt);
  return { outcome, feedSeq };
}
