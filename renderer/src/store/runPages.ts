import Dexie, { cmp } from 'dexie';
import type { Run } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import { rangeCount } from './rangeGetAll';

/**
 * Many runs stored as one record: how a station keeps the runs a bulk server page brings (a new
 * station's bootstrap: 100,000 of them). In Chromium, IndexedDB's cost is mostly per record: 100,000
 * run rows took 3.0–3.5 s to write, the same runs as 1,000 pages 0.23 s (docs/scale.md). A run's own row
 * in `runs`, written by any later change, takes precedence over its copy in a page; the runs table
 * reads as the two together (runPagesMiddleware.ts), so no reader needs to know.
 *
 * Invariants: a page's runs are sorted by id, unique, `first` and `last` are its first and last
 * ids, and no two pages' [first, last] ranges overlap.
 */
export interface RunPage {
  first: string;
  last: string;
  /** The latest and earliest `updatedAt` of its runs: the first rows by time read the pages that can hold them. */
  newest: string;
  oldest: string;
  runs: Run[];
}

/**
 * Runs per page: enough that the per-record cost vanishes (100,000 runs: 0.23 s as pages of 100,
 * as of 500), few enough that reading one run reads little more than its row (0.35 ms for a page
 * of 100, 0.65 ms of 500, 0.19 ms a row).
 */
export const runsPerPage = 100;

/** Fewer runs than this are written as rows: a page for a handful saves nothing and splits the key space. */
export const fewestPacked = 64;

/** The runs, sorted by id, cut into pages. */
export function pagesOf(runs: readonly Run[]): RunPage[] {
  const sorted = [...runs].sort((a, b) => cmp(a.id, b.id));
  const pages: RunPage[] = [];
  for (let start = 0; start < sorted.length; start += runsPerPage) {
    const page = pageOf(sorted.slice(start, start + runsPerPage));
    if (page) pages.push(page);
  }
  return pages;
}

/** One page of these runs, already sorted by id; null for none. */
export function pageOf(sorted: Run[]): RunPage | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  let newest = first.updatedAt;
  let oldest = first.updatedAt;
  for (const run of sorted) {
    if (run.updatedAt > newest) newest = run.updatedAt;
    if (run.updatedAt < oldest) oldest = run.updatedAt;
  }
  return { first: first.id, last: last.id, newest, oldest, runs: sorted };
}

/** The run with `id` in a page, by binary search (a page's runs are sorted by id). */
export function runInPage(page: RunPage, id: string): Run | undefined {
  let lo = 0;
  let hi = page.runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = page.runs[mid] as Run;
    const order = cmp(run.id, id);
    if (order === 0) return run;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * Writes server runs: as pages when there are many and none of them, nor any run between them in
 * key order, is stored yet (a bootstrap's pages: one count of the rows in their id range and one
 * look at the page before it); otherwise as rows. Either way the runs read the same. Must run
 * inside a transaction over `runs` and `runPages` (and `meta`, for the write token).
 */
export function putServerRuns(db: StationDb, runs: readonly Run[]): Promise<unknown> {
  if (runs.length < fewestPacked) return db.runs.bulkPut([...runs]);
  const pages = pagesOf(runs);
  const first = pages[0]?.first ?? '';
  const last = pages[pages.length - 1]?.last ?? '';
  // Written as Dexie promise chains: the caller writes more in the same transaction after this.
  return Dexie.Promise.all([rangeCount(db, 'runs', first, last), db.runPages.where(':id').belowOrEqual(last).reverse().limit(1).toArray()]).then(([rows, [before]]) => {
    const free = rows === 0 && (before === undefined || cmp(before.last, first) < 0);
    return free ? db.runPages.bulkPut(pages) : db.runs.bulkPut([...runs]);
  });
}
