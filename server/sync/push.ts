import type { PushResponse, PushResult } from '../../shared/protocol/sync';
import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import { ApiError } from '../apiError';
import type { UnreadableEntry } from '../storage/operationStore';
import type { Store } from '../storage/store';
import { applyOne, emptyMutableState } from './applyOne';

export type PushEntryOf = { seq: number; op: Operation } | { seq: number; unreadable: UnreadableEntry };

/**
 * Applies a station's pushed entries, in order, in one transaction: an error anywhere (a gap, a
 * sequence number re-used for another operation) rolls the whole push back and changes nothing.
 *
 * - A sequence number the station already used must carry the same operation: the recorded
 *   outcome is sent again (a lost response, then a re-send).
 * - The first new number must be the next one expected; a gap answers "resend from N".
 * - An operation id seen before under another number is not applied again: the new number points
 *   at the first copy and its recorded outcome is returned.
 * - Every new operation gets exactly one outcome, whatever it is; a rejection never blocks the next.
 * - An entry that is not a valid operation but names its id is recorded as rejected, never applied.
 */
export function push(store: Store, stationId: string, entries: readonly PushEntryOf[], receivedAt: string): PushResponse {
  // Run and step rows are written once each at the end: only this transaction could see them
  // before, and it reads its cache, never the table, for rows it has written.
  return store.transaction(() => store.plant.withRowsWrittenOnce(() => {
    const results: PushResult[] = [];
    // Rows loaded for this push's operations, kept current as they apply; gone with the transaction.
    const cache = emptyMutableState();
    for (const entry of entries) {
      const { seq } = entry;
      const op = 'op' in entry ? entry.op : entry.unreadable;
      if (op.stationId !== stationId) {
        throw new ApiError(
          'station_mismatch',
          `Entry ${String(seq)}: operation ${op.id} names station ${op.stationId}, but this is station ${stationId}`,
        );
      }
      const expected = store.operations.nextSeq(stationId);
      if (seq > expected) {
        throw new ApiError(
          'sequence_gap',
          `Expected sequence number ${String(expected)} from station ${stationId}, got ${String(seq)}: resend from ${String(expected)}`,
          { resendFrom: expected },
        );
      }
      const earlier = store.operations.get(op.id);
      if (earlier && earlier.stationId !== stationId) {
        throw new ApiError(
          'operation_id_conflict',
          `Operation id ${op.id} was already used by station ${earlier.stationId}: give each operation a new id`,
        );
      }
      if (seq < expected) {
        const sent = store.operations.idAt(stationId, seq);
        if (sent !== op.id || !earlier) {
          throw new ApiError(
            'sequence_mismatch',
            `Sequence number ${String(seq)} of station ${stationId} already carries operation ${sent ?? '(none)'}, not ${op.id}`,
          );
        }
        results.push({ seq, operationId: op.id, outcome: earlier.outcome, duplicate: true, feedSeq: earlier.feedSeq });
      } else if (earlier) {
        store.operations.takeSeq(stationId, seq, op.id);
        results.push({ seq, operationId: op.id, outcome: earlier.outcome, duplicate: true, feedSeq: earlier.feedSeq });
      } else {
        const { outcome, feedSeq } = 'op' in entry ? applyOne(store, entry.op, seq, receivedAt, cache) : refuseUnreadable(store, entry.unreadable, seq, receivedAt);
        results.push({ seq, operationId: op.id, outcome, duplicate: false, feedSeq });
      }
    }
    return { results, nextSeq: store.operations.nextSeq(stationId), head: store.feed.head() };
  }));
}

/** An entry the server cannot read is answered like any refused operation: recorded, never applied. */
function refuseUnreadable(store: Store, entry: UnreadableEntry, seq: number, receivedAt: string): { outcome: Outcome; feedSeq: number } {
  const outcome: Outcome = {
    status: 'rejected',
    code: 'invalid_input',
    reason: `The server could not read this operation (${entry.problem}); nothing was applied. Update this station's Lockstep if it is older than the server's.`,
  };
  const feedSeq = store.feed.append('operation', entry.id, 'put', entry.stationId, receivedAt);
  store.operations.recordUnreadable(entry, seq, outcome, feedSeq, receivedAt);
  return { outcome, feedSeq };
}
