import { applyOperation } from '../../../shared/engine/apply';
import type { Outcome } from '../../../shared/schemas/outcome';
import { markAttention } from './attention';
import { restoreShadows, writeChanges, type CacheChange } from './cacheChanges';
import type { OutboxEntry, OutcomeRow, StationDb } from './db';
import { writeUnderShadows } from './underShadows';
import { loadSlice } from './loader';
import { consecutiveRuns } from './seqRanges';

export interface ServerOutcome {
  operationId: string;
  outcome: Outcome;
  /** The feed position from which the operation's effects are visible; null when it wrote nothing. */
  feedSeq: number | null;
  /** The operation's sequence number here, as the server recorded it: where to find it in the outbox. */
  stationSeq?: number;
}

/** A page of the server's change feed, with the outcomes of this station's operations. */
export interface ServerPage {
  changes: readonly CacheChange[];
  outcomes: readonly ServerOutcome[];
  /** The feed position this page brings the station to. */
  cursor: number;
  /**
   * The feed position the page was pulled from: it covers what follows. Refused when the cache
   * holds less (a page before it did not commit; the worker hands over the next page while this
   * one commits). Absent for a page known to follow (tests and benchmarks applying pages directly).
   */
  since?: number;
  /**
   * More pages follow at once (a catch-up): the optimistic layer is left in place and rebased
   * after the last one, not after every page (with many operations waiting, a rebase per page
   * re-applied all of them each time).
   */
  more?: boolean;
}

/**
 * Applies a page from the server in one transaction: undo the optimistic writes, write the
 * server's rows, record outcomes, retire the operations whose effects the cache now holds, move
 * the cursor, then re-apply the operations still waiting (rebase). A refused operation is thus
 * rolled back on screen, and its outcome stays for the technician to read.
 *
 * A page with more right behind it skips the undo and the rebase: a row under an optimistic
 * write gets the server's version in its shadow, every other row is written as it comes, and the
 * last page of the catch-up undoes and rebases once, on top of all of them.
 */
export function applyServerPage(db: StationDb, page: ServerPage): Promise<void> {
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.outcomes, db.shadows, db.meta], async () => {
    // Whether any shadow is left: one key read, not a count (which walks every shadow of a long drain).
    const [held, shadowed] = await Promise.all([currentCursor(db), page.more === true ? db.shadows.limit(1).primaryKeys() : []]);
    // Applied over a gap, the rows in it would never arrive and the cursor would pass them.
    if (page.since !== undefined && page.since > held) throw new PageGapError(page.since, held);
    const deferRebase = shadowed.length > 0;
    if (deferRebase) await writeUnderShadows(db, page.changes);
    else {
      await restoreShadows(db);
      await writeChanges(db, page.changes, { shadow: false, pack: true });
    }
    const cursor = Math.max(page.cursor, held);
    await recordOutcomes(db, page.outcomes, cursor);
    await retireAcknowledged(db, cursor);
    await db.meta.put({ key: 'cursor', value: cursor });
    if (!deferRebase) await rebase(db);
  });
}

/** A page that does not follow the cursor the cache holds: nothing of it is written. */
export class PageGapError extends Error {
  constructor(since: number, held: number) {
    super(`The page follows feed position ${String(since)}, but this station holds up to ${String(held)}: a page before it was not saved.`);
    this.name = 'PageGapError';
  }
}

/**
 * Records the outcomes of this station's operations, reading what it needs for all of them at
 * once, and retires the operations whose effects the cache holds once at `cursor`.
 */
async function recordOutcomes(db: StationDb, outcomes: readonly ServerOutcome[], cursor: number): Promise<void> {
  if (outcomes.length === 0) return;
  const ids = outcomes.map((o) => o.operationId);
  const [entries, knownRows] = await Promise.all([outboxEntriesOf(db, outcomes), db.outcomes.bulkGet(ids)]);
  const entryOf = new Map(entries.map((e) => [e.id, e]));
  const rows = new Map<string, OutcomeRow>();
  const retired: number[] = [];
  outcomes.forEach(({ operationId, outcome, feedSeq }, i) => {
    const entry = entryOf.get(operationId);
    // A repeated outcome in one page builds on the first.
    const known = rows.get(operationId) ?? knownRows[i];
    // The op and a dismissal survive a repeated outcome: a notice closed once stays closed.
    const op = entry?.op ?? known?.op;
    rows.set(operationId, markAttention({
      operationId,
      seq: entry?.seq ?? known?.seq ?? 0,
      kind: entry?.op.kind ?? known?.kind ?? 'start',
      outcome,
      feedSeq,
      ...(op ? { op } : {}),
      ...(known?.dismissedAt ? { dismissedAt: known.dismissedAt } : {}),
    }));
    if (entry && (feedSeq === null || feedSeq <= cursor)) retired.push(entry.seq);
  });
  // The outbox entries read here are the ones leaving: deleted by range, not looked up again.
  await Promise.all([db.outcomes.bulkPut([...rows.values()]), ...consecutiveRuns(retired).map(([first, last]) => db.outbox.where('seq').between(first, last, true, true).delete())]);
}

/**
 * The outbox entries the outcomes answer. The server names each operation's sequence number
 * here, so they are read by ranges of the outbox's key, and the id is checked; an outcome without
 * one, or whose number holds another operation, is looked up by id.
 */
async function outboxEntriesOf(db: StationDb, outcomes: readonly ServerOutcome[]): Promise<OutboxEntry[]> {
  const bySeq = consecutiveRuns(outcomes.flatMap((o) => (o.stationSeq === undefined ? [] : [o.stationSeq])));
  const inRanges = (await Promise.all(bySeq.map(([first, last]) => db.outbox.where('seq').between(first, last, true, true).toArray()))).flat();
  const found = new Map(inRanges.map((e) => [e.id, e]));
  const missing = outcomes.filter((o) => !found.has(o.operationId)).map((o) => o.operationId);
  if (missing.length === 0) return inRanges;
  return [...inRanges, ...(await db.outbox.where('id').anyOf(missing).toArray())];
}

/**
 * Undoes the optimistic writes a catch-up kept for its last page when that page can no longer
 * come: the renderer was reloaded between pages that kept them (`more`), and nothing waits in the
 * outbox any more, so no push starts another catch-up and the worker, new, does not know one was
 * under way. Left alone, the rows kept their optimistic version and the server's waited in the
 * shadows until the feed next moved. With nothing waiting there is nothing to rebase: the undo is
 * the whole of what the last page would have done. Returns whether there was anything to undo.
 */
export function settleLeftShadows(db: StationDb): Promise<boolean> {
  return db.transaction('rw', [...db.cacheTables, db.outbox, db.shadows, db.meta], async () => {
    const [waiting, shadowed] = await Promise.all([db.outbox.limit(1).primaryKeys(), db.shadows.limit(1).primaryKeys()]);
    if (waiting.length > 0 || shadowed.length === 0) return false;
    await restoreShadows(db);
    return true;
  });
}

export async function currentCursor(db: StationDb): Promise<number> {
  const row = await db.meta.get('cursor');
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * An operation leaves the outbox once the server has answered and the cache holds its effects.
 * Only outcomes filed under the outbox's sequence numbers can retire anything: those are read by
 * their index, not the whole outbox (which a catch-up read once per page).
 */
async function retireAcknowledged(db: StationDb, cursor: number): Promise<void> {
  const [first, last] = await Promise.all([db.outbox.orderBy('seq').first(), db.outbox.orderBy('seq').last()]);
  if (!first || !last) return;
  const answered = await db.outcomes.where('seq').between(first.seq, last.seq, true, true).toArray();
  const ready = answered.filter((o) => o.feedSeq === null || o.feedSeq <= cursor);
  if (ready.length === 0) return;
  // An outcome is filed under the seq its operation had here; check the entry there is that operation.
  const entries = await db.outbox.bulkGet(ready.map((o) => o.seq));
  const done = entries.filter((e, i) => e !== undefined && e.id === ready[i]?.operationId);
  await db.outbox.bulkDelete(done.map((d) => (d as OutboxEntry).seq));
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
