import type { RunQuery, RunSortColumn } from './runQuery';
import { compareRuns } from './runOrder';
import { IdSlots } from './idSlots';
import { RunSearchText } from './runSearchText';
import { sameSummary, searchTextOf, type RunSummary } from './runSummary';

/** Beyond this many changes at once, sorting again is cheaper than moving each run. */
const resortAbove = 2000;

/**
 * Every cached run's summary in memory, with each sort order the table has asked for kept sorted
 * and the search text of all runs in one string: a query over 100,000 runs is one pass in memory,
 * never an IndexedDB read. Changes are applied as the cache commits them (store/runWrites.ts).
 *
 * Runs live in slots numbered as they arrive; a deleted run leaves an empty slot.
 */
export class RunIndex {
  private readonly rows: (RunSummary | undefined)[] = [];
  /** Not a Map: see idSlots.ts (a Map's keys are internalized, and 100,000 of them lengthen every GC pause). */
  private readonly slotOf = new IdSlots();
  /** Slots in ascending order, per sort column asked for so far. */
  private readonly orders = new Map<RunSortColumn, number[]>();
  private text = new RunSearchText();
  private textStale = false;
  private count = 0;
  private readonly listeners = new Set<() => void>();
  /** Bumped on every change that the table would show. */
  version = 0;
  /**
   * The last answer to the unfiltered table, while nothing changed: clearing a search asks for all
   * 100,000 ids again, and each new array of them (large enough to be allocated straight into the
   * old generation) is garbage the next collection must sweep, one that may land in a scroll.
   */
  private whole: { sort: RunSortColumn; descending: boolean; version: number; ids: readonly string[] } | null = null;

  get size(): number {
    return this.count;
  }

  get(id: string): RunSummary | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.rows[slot];
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Keeps `column`'s order from now on, so that it is ready when asked for: filled page by page
   * as runs arrive, instead of sorted all at once (a long task) on the first query.
   */
  keepOrder(column: RunSortColumn): void {
    this.order(column);
  }

  /** Applies runs written and deleted, in that order; tells subscribers once if anything showed. */
  apply(put: readonly RunSummary[], deleted: readonly string[] = []): void {
    let changed = false;
    const added: number[] = [];
    const changedRows = put.length + deleted.length;
    // Many runs changing at once (not arriving): sorting again is cheaper than moving each.
    if (changedRows > resortAbove && put.some((row) => this.slotOf.has(row.id))) this.orders.clear();
    // The last write of each run only: a new run's slot joins the orders after the loop.
    const lastAt = new IdSlots(put.length);
    put.forEach((row, i) => {
      lastAt.set(row.id, i);
    });
    for (const [i, row] of put.entries()) {
      if (lastAt.get(row.id) !== i) continue;
      const slot = this.put(row);
      if (slot === 'same') continue;
      changed = true;
      if (slot !== 'moved') added.push(slot);
    }
    for (const id of deleted) changed = this.delete(id) || changed;
    this.text.join();
    if (added.length > 0) for (const [column, order] of this.orders) this.orders.set(column, this.merged(order, column, added));
    if (!changed) return;
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** Forgets every run (the cache's runs were cleared). */
  clear(): void {
    this.rows.length = 0;
    this.slotOf.clear();
    this.orders.clear();
    this.text = new RunSearchText();
    this.textStale = false;
    this.count = 0;
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** The ids of the runs matching `query`, in its order (shared between calls: not to be changed). */
  query(query: RunQuery): readonly string[] {
    const order = this.order(query.sort);
    const needle = query.search.trim().toLowerCase();
    const hits = needle === '' ? null : this.searchText().matches(needle, this.rows.length);
    const statuses = query.statuses.length > 0 ? new Set<string>(query.statuses) : null;
    const procedures = query.procedureVersionIds.length > 0 ? new Set(query.procedureVersionIds) : null;
    const batch = batchTest(query.batch);
    const unfiltered = !hits && !statuses && !procedures && !batch;
    const whole = this.whole;
    if (unfiltered && whole?.version === this.version && whole.sort === query.sort && whole.descending === query.descending) return whole.ids;
    const ids: string[] = [];
    for (const slot of order) {
      if (hits && hits[slot] !== 1) continue;
      const row = this.rows[slot];
      if (!row) continue;
      if (statuses && !statuses.has(row.status)) continue;
      if (procedures && !procedures.has(row.procedureVersionId)) continue;
      if (batch && !batch(row.batchId)) continue;
      ids.push(row.id);
    }
    const answer = query.descending ? ids.reverse() : ids;
    if (unfiltered) this.whole = { sort: query.sort, descending: query.descending, version: this.version, ids: answer };
    return answer;
  }

  /** A new run's slot (for the caller to merge into the orders), or whether a known run moved. */
  private put(row: RunSummary): number | 'moved' | 'same' {
    const slot = this.slotOf.get(row.id);
    if (slot === undefined) {
      const added = this.rows.length;
      this.rows.push(row);
      this.slotOf.set(row.id, added);
      this.count += 1;
      if (!this.textStale) this.text.append(searchTextOf(row));
      return added;
    }
    const old = this.rows[slot];
    if (old && sameSummary(old, row)) return 'same';
    if (old) {
      for (const [column, order] of this.orders) if (compareRuns[column](old, row) !== 0) this.take(order, column, slot, old);
      if (searchTextOf(old) !== searchTextOf(row)) this.textStale = true;
    } else {
      // A run deleted and written again: its slot's old search text may differ.
      this.count += 1;
      this.textStale = true;
    }
    this.rows[slot] = row;
    for (const [column, order] of this.orders) {
      if (!old || compareRuns[column](old, row) !== 0) order.splice(this.position(order, column, row), 0, slot);
    }
    return 'moved';
  }

  /** `order` with the new `slots` merged in: the new ones sorted, then one pass over both. */
  private merged(order: readonly number[], column: RunSortColumn, slots: readonly number[]): number[] {
    const compare = compareRuns[column];
    const rows = this.rows;
    const byRow = (a: number, b: number) => compare(rows[a] as RunSummary, rows[b] as RunSummary);
    const incoming = [...slots].sort(byRow);
    const out = new Array<number>(order.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < order.length && j < incoming.length) {
      const a = order[i] as number;
      const b = incoming[j] as number;
      if (byRow(a, b) <= 0) {
        out[k++] = a;
        i++;
      } else {
        out[k++] = b;
        j++;
      }
    }
    while (i < order.length) out[k++] = order[i++] as number;
    while (j < incoming.length) out[k++] = incoming[j++] as number;
    return out;
  }

  private delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    const old = slot === undefined ? undefined : this.rows[slot];
    if (slot === undefined || !old) return false;
    for (const [column, order] of this.orders) this.take(order, column, slot, old);
    this.rows[slot] = undefined;
    this.count -= 1;
    // The slot stays (its text is still in the search string); the id may come back into it.
    return true;
  }

  /** The slots in ascending order for `column`, sorted the first time it is asked for. */
  private order(column: RunSortColumn): number[] {
    let order = this.orders.get(column);
    if (!order) {
      const compare = compareRuns[column];
      const rows = this.rows;
      order = [];
      for (let slot = 0; slot < rows.length; slot++) if (rows[slot]) order.push(slot);
      order.sort((a, b) => compare(rows[a] as RunSummary, rows[b] as RunSummary));
      this.orders.set(column, order);
    }
    return order;
  }

  private searchText(): RunSearchText {
    if (this.textStale || this.text.slots !== this.rows.length) {
      this.text = new RunSearchText();
      for (const row of this.rows) this.text.append(row ? searchTextOf(row) : '');
      this.text.join();
      this.textStale = false;
    }
    return this.text;
  }

  /** Where `row` goes in `order`: the first slot that sorts after it. */
  private position(order: readonly number[], column: RunSortColumn, row: RunSummary): number {
    const compare = compareRuns[column];
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.rows[order[mid] ?? -1];
      if (other && compare(other, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Removes `slot` (whose row was `row`) from `order`. */
  private take(order: number[], column: RunSortColumn, slot: number, row: RunSummary): void {
    const saved = this.rows[slot];
    this.rows[slot] = row;
    let at = this.position(order, column, row);
    while (at < order.length && order[at] !== slot) at += 1;
    this.rows[slot] = saved;
    // Not found by search only if the order was sorted by a row that changed unseen: look it up.
    if (at >= order.length) at = order.indexOf(slot);
    if (at >= 0) order.splice(at, 1);
  }
}

function batchTest(filter: RunQuery['batch']): ((batchId: string | null) => boolean) | null {
  if (filter === 'any') return null;
  if (filter === 'none') return (b) => b === null;
  if (filter === 'batched') return (b) => b !== null;
  const wanted = filter.slice('batch:'.length);
  return (b) => b === wanted;
}
