import { applyOperation } from '../../../shared/engine/apply';
import type { Outcome } from '../../../shared/schemas/outcome';
import { restoreShadows, writeChanges, type CacheChange } from './cacheChanges';
import type { StationDb } from './db';
import { loadSlice } from './loader';

export interface ServerOutcome {
  operationId: string;
  outcome: Outcome;
  /** The feed position from which the operation's effects are visible; null when it wrote nothing. */
  feedSeq: number | null;
}

/** A page of the server's change feed, with the outcomes of this station's operations. */
export interface ServerPage {
  changes: readonly CacheChange[];
  outcomes: readonly ServerOutcome[];
  /** The feed position this page brings the station to. */
  cursor: number;
}

/**
 * Applies a page from the server in one transaction: undo the optimistic writes, write the
 * server's rows, record outcomes, retire the operations whose effects the cache now holds, move
 * the cursor, then re-apply the operations still waiting (rebase). A refused operation is thus
 * rolled back on screen, and its outcome stays for the technician to read.
 */
export function applyServerPage(db: StationDb, page: ServerPage): Promise<void> {
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.outcomes, db.shadows, db.meta], async () => {
    await restoreShadows(db);
    await writeChanges(db, page.changes, { shadow: false });
    const cursor = Math.max(page.cursor, await currentCursor(db));
    for (const { operationId, outcome, feedSeq } of page.outcomes) {
      const entry = await db.outbox.where('id').equals(operationId).first();
      const known = await db.outcomes.get(operationId);
      // The op and a dismissal survive a repeated outcome: a notice closed once stays closed.
      const op = entry?.op ?? known?.op;
      await db.outcomes.put({
        operationId,
        seq: entry?.seq ?? known?.seq ?? 0,
        kind: entry?.op.kind ?? known?.kind ?? 'start',
        outcome,
        feedSeq,
        ...(op ? { op } : {}),
        ...(known?.dismissedAt ? { dismissedAt: known.dismissedAt } : {}),
      });
    }
    await retireAcknowledged(db, cursor);
    await db.meta.put({ key: 'cursor', value: cursor });
    await rebase(db);
  });
}

export async function currentCursor(db: StationDb): Promise<number> {
  const row = await db.meta.get('cursor');
  return typeof row?.value === 'number' ? row.value : 0;
}

/** An operation leaves the outbox once the server has answered and the cache holds its effects. */
async function retireAcknowledged(db: StationDb, cursor: number): Promise<void> {
  const pending = await db.outbox.toArray();
  const outcomes = await db.outcomes.bulkGet(pending.map((p) => p.id));
  const done = pending.filter((_, i) => {
    const o = outcomes[i];
    return o !== undefined && (o.feedSeq === null || o.feedSeq <= cursor);
  });
  await db.outbox.bulkDelete(done.map((d) => d.seq));
}

/** Re-applies the operations still waiting on top of the server's state, in order. */
async function rebase(db: StationDb): Promise<void> {
  const pending = await db.outbox.orderBy('seq').toArray();
  for (const { op } of pending) {
    const slice = await loadSlice(db, op);
    const result = applyOperation(slice, op);
    if (result.changes.length > 0) await writeChanges(db, result.changes, { shadow: true, before: slice });
  }
}
