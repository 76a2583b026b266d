import type { Run } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import { RunIndex } from './runIndex';
import type { RunQuery } from './runQuery';
import { summaryOf, type RunSummary } from './runSummary';

/** Runs read per request while filling the index: small enough that each read's task stays short. */
const pageSize = 2000;

export interface LoadedRunIndex {
  index: RunIndex;
  /** Starts filling the index (once). */
  load: () => void;
  /** Resolves when every cached run is in the index, or the fill failed. */
  filled: Promise<void>;
  loaded: () => boolean;
  /** Why the index could not be filled, if it could not. */
  failure: () => Error | null;
}

const byDb = new WeakMap<StationDb, LoadedRunIndex>();

/**
 * The runs index of this cache, filled once (when first asked to load) and kept in step with
 * every committed write from its creation. It listens before it reads, so a write committed
 * during the fill is not lost: a page read before the write is applied before it, a page read
 * after already holds it.
 */
export function runIndexOf(db: StationDb): LoadedRunIndex {
  let loaded = byDb.get(db);
  if (loaded) return loaded;
  const index = new RunIndex();
  let done = false;
  let failed: Error | null = null;
  let fill: Promise<void> | null = null;
  let filled = (): void => undefined;
  db.runWrites.listen((write) => {
    if (write.kind === 'rows') {
      index.apply(write.put.map(summaryOf), write.deleted);
      return;
    }
    // A range of runs went at once: read them all again.
    index.clear();
    if (fill) fill = fill.then(() => fillFrom(db, index));
  });
  const load = () => {
    fill ??= fillFrom(db, index)
      .then(
        () => {
          done = true;
        },
        (error: unknown) => {
          failed = new Error(`The runs could not be read from this station's data (${error instanceof Error ? error.message : String(error)}).`);
        },
      )
      .finally(filled);
  };
  const whenFilled = new Promise<void>((resolve) => {
    filled = resolve;
  });
  loaded = { index, load, filled: whenFilled, loaded: () => done, failure: () => failed };
  byDb.set(db, loaded);
  return loaded;
}

/** Reads every run into `index`, a page at a time in key order (each page its own short task). */
async function fillFrom(db: StationDb, index: RunIndex): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page: Run[] = await (after === null ? db.runs.orderBy(':id') : db.runs.where(':id').above(after)).limit(pageSize).toArray();
    index.apply(page.map(summaryOf));
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return;
    after = last.id;
  }
}

/** Rows read for the first paint: more than a tall screen shows, with the grid's overscan. */
const firstRows = 60;

const firstByDb = new WeakMap<StationDb, { query: RunQuery; window: Promise<RunSummary[] | null> }>();

/**
 * The first rows of the table straight from an IndexedDB index, for the first paint while the
 * index in memory is not filled yet: boot asks for them as soon as the cache is open, and the
 * table takes the same answer when it mounts. Only the unfiltered table sorted by an indexed
 * column can be read this way; for any other query the answer is null and the table waits for
 * the index.
 */
export function firstWindow(db: StationDb, query: RunQuery): Promise<RunSummary[] | null> {
  const asked = firstByDb.get(db);
  if (asked?.query === query) return asked.window;
  const window = readFirstWindow(db, query);
  firstByDb.set(db, { query, window });
  return window;
}

async function readFirstWindow(db: StationDb, query: RunQuery): Promise<RunSummary[] | null> {
  const unfiltered = query.search.trim() === '' && query.statuses.length === 0 && query.procedureVersionIds.length === 0 && query.batch === 'any';
  const indexName = query.sort === 'updated' ? 'updatedAt' : null;
  if (!unfiltered || indexName === null) return null;
  const ordered = db.runs.orderBy(indexName);
  const rows = await (query.descending ? ordered.reverse() : ordered).limit(firstRows).toArray();
  return rows.map(summaryOf);
}
