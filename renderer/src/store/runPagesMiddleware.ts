import Dexie, { cmp, type DBCore, type DBCoreKeyRange, type DBCoreQueryRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Run } from '../../../shared/schemas/run';
import { pageOf, runInPage, runsPerPage, type RunPage } from './runPages';

const runsStore = 'runs';
const pagesStore = 'runPages';

// DBCoreRangeType is a const enum, which isolated modules cannot read from Dexie's types: its
// values, and ranges made from them, are spelled out here.
const equal = 1;
const between = 2;
const any = 3;
const never = 4;
const typeOf = (range: DBCoreKeyRange): number => range.type;
const keyRange = (type: number, lower: unknown, upper: unknown) => ({ type, lower, upper }) as unknown as DBCoreKeyRange;
const everything = keyRange(any, -Infinity, [[]]);

/** Whether `key` lies in `range` (IndexedDB's order). */
function inRange(range: DBCoreKeyRange, key: unknown): boolean {
  if (typeOf(range) === any) return true;
  if (typeOf(range) === never) return false;
  if (typeOf(range) === equal) return cmp(key, range.lower) === 0;
  const aboveLower = range.lower === undefined || (range.lowerOpen ? cmp(key, range.lower) > 0 : cmp(key, range.lower) >= 0);
  const belowUpper = range.upper === undefined || (range.upperOpen ? cmp(key, range.upper) < 0 : cmp(key, range.upper) <= 0);
  return aboveLower && belowUpper;
}

/**
 * A DBCore middleware under which the runs table reads as its rows together with the runs kept
 * in pages (runPages.ts), a row taking precedence over its copy in a page: get, getMany, query
 * (by id or by an index) and count answer as if every run were a row. Deleting a run deletes its
 * copy in a page too. Any transaction over `runs` also spans `runPages`, so a reader never needs
 * to name it. It sits above Dexie's own layers (observability is at 0), so a live query is told of
 * the page reads made for it and woken by a page write. A cursor over runs is refused while pages
 * exist: nothing reads runs that way, and a cursor over two stores cannot be made faithfully.
 *
 * Written with `.then` on the layer below's promises and Dexie.Promise, not async functions: a
 * native promise would take the caller's continuation out of Dexie's transaction zone.
 */
export function runPagesMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'runPages',
    level: 3,
    create: (down) => {
      // An upgrade from before version 8 runs its steps on the schemas of their time, without pages.
      if (!down.schema.tables.some((t) => t.name === pagesStore)) return down;
      return {
        ...down,
        transaction: (stores, mode, options) => down.transaction(stores.includes(runsStore) && !stores.includes(pagesStore) ? [...stores, pagesStore] : stores, mode, options),
        table: (name) => (name === runsStore ? unionOf(down.table(runsStore), down.table(pagesStore)) : down.table(name)),
      };
    },
  };
}

function unionOf(rows: DBCoreTable, pages: DBCoreTable): DBCoreTable {
  const pageKey = pages.schema.primaryKey;

  /** Every page's key (its first id), in order: a few hundred strings at most, read to pick pages. */
  const pageKeys = (trans: DBCoreTransaction) => pages.query({ trans, values: false, query: { index: pageKey, range: everything } }).then(({ result }) => result as string[]);

  /** The copy of one run in a page: one request, for the page whose range starts at or before it. */
  const copyOf = (trans: DBCoreTransaction, id: unknown): Promise<Run | undefined> =>
    pages.query({ trans, values: true, limit: 1, direction: 'prev', query: { index: pageKey, range: keyRange(between, undefined, id) } }).then(({ result }) => {
      const page = result[0] as RunPage | undefined;
      return page && typeof id === 'string' ? runInPage(page, id) : undefined;
    });

  const readPages = (trans: DBCoreTransaction, keys: readonly string[]) =>
    keys.length === 0 ? Dexie.Promise.resolve([] as RunPage[]) : pages.getMany({ trans, keys: [...keys] }).then((found) => found.filter((p): p is RunPage => p !== undefined));

  /** The copies in pages of the runs with these ids (those that have one): each page read once. */
  const copiesOf = (trans: DBCoreTransaction, ids: readonly unknown[]): Promise<Map<string, Run>> =>
    pageKeys(trans).then((keys) => {
      const holders = holdersOf(keys, ids);
      return readPages(trans, [...new Set(holders.values())]).then((read) => {
        const byKey = new Map(read.map((page) => [page.first, page] as const));
        const copies = new Map<string, Run>();
        for (const [id, key] of holders) {
          const page = byKey.get(key);
          const run = page ? runInPage(page, id) : undefined;
          if (run) copies.set(id, run);
        }
        return copies;
      });
    });

  /** The keys of the pages that may hold ids in `range`, in key order. */
  const pagesOver = (keys: readonly string[], range: DBCoreKeyRange) =>
    keys.filter((key, i) => {
      if (typeOf(range) === never) return false;
      if (typeOf(range) === any) return true;
      const next = keys[i + 1];
      const startsInOrBefore = range.upper === undefined || cmp(key, range.upper) <= 0;
      const endsInOrAfter = next === undefined || range.lower === undefined || cmp(next, range.lower) > 0;
      return startsInOrBefore && endsInOrAfter;
    });

  /**
   * The page copies with ids in `range`, in the query's direction; with a limit, only as many
   * pages are read as give that many runs.
   */
  const copiesInIdRange = (trans: DBCoreTransaction, range: DBCoreKeyRange, reverse: boolean, limit: number): Promise<Run[]> =>
    pageKeys(trans).then((keys) => {
      const over = pagesOver(keys, range);
      if (reverse) over.reverse();
      const found: Run[] = [];
      const perRead = Number.isFinite(limit) ? Math.ceil(limit / runsPerPage) + 1 : over.length;
      const next = (from: number): Promise<Run[]> => {
        if (from >= over.length || found.length >= limit) return Dexie.Promise.resolve(found);
        return readPages(trans, over.slice(from, from + perRead)).then((read) => {
          const ordered = [...read].sort((a, b) => cmp(a.first, b.first) * (reverse ? -1 : 1));
          for (const page of ordered) {
            const runs = page.runs.filter((run) => inRange(range, run.id));
            found.push(...(reverse ? runs.reverse() : runs));
          }
          return next(from + perRead);
        });
      };
      return next(0);
    });

  /** Every page copy, for queries by an index (the first rows by time): every page is read. */
  const allCopies = (trans: DBCoreTransaction) => pageKeys(trans).then((keys) => readPages(trans, keys)).then((read) => read.flatMap((page) => page.runs));

  /** The ids among `ids` that have a row. */
  const withRows = (trans: DBCoreTransaction, ids: readonly string[]) =>
    ids.length === 0 ? Dexie.Promise.resolve(new Set<string>()) : rows.getMany({ trans, keys: [...ids] }).then((found) => new Set(ids.filter((_, i) => found[i] !== undefined)));

  const queryById = (req: DBCoreQueryRequest) => {
    const reverse = req.direction === 'prev' || req.direction === 'prevunique';
    const limit = req.limit ?? Infinity;
    return Dexie.Promise.all([rows.query(req), copiesInIdRange(req.trans, req.query.range, reverse, limit)]).then(([own, copies]) => {
      if (copies.length === 0) return own;
      const valueOf = (run: Run): unknown => (req.values ? run : run.id);
      // The runs index fills from here, 2,000 runs a time: no rows in the range is the usual case
      // on a bootstrapped station, and allocates nothing more than the answer.
      if (own.result.length === 0) return { result: copies.slice(0, limit).map(valueOf) };
      const ownValues = own.result as unknown[];
      const ownIds = req.values ? (ownValues as Run[]).map((r) => r.id) : (ownValues as string[]);
      // Both lists are in id order (the query's direction); one pass merges them, a row standing
      // for its copy. A copy beyond the rows' last answer cannot be overtaken by its own row within
      // the limit, so cutting the merge at the limit is exact.
      const result: unknown[] = [];
      const before = (a: string, b: string) => (reverse ? cmp(a, b) > 0 : cmp(a, b) < 0);
      let i = 0;
      let j = 0;
      while (result.length < limit && (i < ownIds.length || j < copies.length)) {
        const id = ownIds[i];
        const copy = copies[j];
        if (copy === undefined || (id !== undefined && !before(copy.id, id))) {
          if (copy !== undefined && copy.id === id) j += 1;
          result.push(ownValues[i]);
          i += 1;
        } else {
          result.push(valueOf(copy));
          j += 1;
        }
      }
      return { result };
    });
  };

  /**
   * The page copies whose `keyPath` lies in `range`, in `order`, with no row of their own: the
   * first `limit` of them. For `updatedAt`, pages are read by their newest update (oldest, going
   * up) a few at a time, until no page left can hold a run that ranks before those found: the
   * runs table's first rows by time read a page or two. For any other index, every page.
   */
  const copiesByIndex = (trans: DBCoreTransaction, keyPath: keyof Run, range: DBCoreKeyRange, reverse: boolean, limit: number, order: (a: Run, b: Run) => number): Promise<Run[]> => {
    const boundName = reverse ? 'newest' : 'oldest';
    const boundIndex = keyPath === 'updatedAt' ? pages.schema.getIndexByKeyPath(boundName) : undefined;
    let pool: Run[] = [];
    const free = new Set<string>();
    // Drops copies with a row from the pool's first `limit`, until those are all free or the pool is spent.
    const settle = (): Promise<void> => {
      const top = pool.slice(0, limit).filter((run) => !free.has(run.id));
      if (top.length === 0) return Dexie.Promise.resolve();
      return withRows(trans, top.map((run) => run.id)).then((owned) => {
        for (const run of top) if (!owned.has(run.id)) free.add(run.id);
        if (owned.size > 0) pool = pool.filter((run) => !owned.has(run.id));
        return settle();
      });
    };
    const take = (runs: readonly Run[]) => {
      pool.push(...runs.filter((run) => inRange(range, run[keyPath])));
      pool.sort(order);
      return settle();
    };
    // Without a bound to stop at, or with no limit, every page is read at once.
    if (!boundIndex || !Number.isFinite(limit)) return allCopies(trans).then(take).then(() => pool.slice(0, limit));
    const perRead = 2;
    // Each page read so far, by key, with its bound.
    const seen = new Map<string, string>();
    const step = (after: string | undefined, tied: number): Promise<Run[]> => {
      const pageRange = after === undefined ? everything : reverse ? keyRange(between, undefined, after) : keyRange(between, after, undefined);
      return pages.query({ trans, values: true, limit: perRead + tied, direction: reverse ? 'prev' : 'next', query: { index: boundIndex, range: pageRange } }).then(({ result }) => {
        const read = (result as RunPage[]).filter((page) => !seen.has(page.first));
        const lastRead = read[read.length - 1];
        if (!lastRead) return pool.slice(0, limit);
        for (const page of read) seen.set(page.first, page[boundName]);
        return take(read.flatMap((page) => page.runs)).then(() => {
          const bound = lastRead[boundName];
          const nth = pool[limit - 1];
          // An unread page's runs rank at or after its bound; the pool's nth run strictly before it.
          const enough = nth !== undefined && (reverse ? cmp(nth.updatedAt, bound) > 0 : cmp(nth.updatedAt, bound) < 0);
          if (enough || result.length < perRead + tied) return pool.slice(0, limit);
          // Pages sharing the last bound come again from an inclusive range: ask for that many more.
          return step(bound, [...seen.values()].filter((b) => b === bound).length);
        });
      });
    };
    return step(undefined, 0);
  };

  const queryByIndex = (req: DBCoreQueryRequest) => {
    const keyPath = req.query.index.keyPath;
    if (typeof keyPath !== 'string') return rows.query(req);
    const reverse = req.direction === 'prev' || req.direction === 'prevunique';
    const limit = req.limit ?? Infinity;
    const field = keyPath as keyof Run;
    const order = (a: Run, b: Run) => (cmp(a[field], b[field]) || cmp(a.id, b.id)) * (reverse ? -1 : 1);
    return Dexie.Promise.all([rows.query({ ...req, values: true }), copiesByIndex(req.trans, field, req.query.range, reverse, limit, order)]).then(([own, copies]) => {
      const merged = [...(own.result as Run[]), ...copies].sort(order).slice(0, limit);
      return { result: req.values ? merged : merged.map((r) => r.id) };
    });
  };

  /**
   * Removes the runs `gone` picks from the pages `holding` names (from every page's key); a page
   * left empty goes.
   */
  const removeFromPages = (trans: DBCoreTransaction, holding: (keys: readonly string[]) => string[], gone: (id: string) => boolean) =>
    pageKeys(trans)
      .then((keys) => readPages(trans, holding(keys)))
      .then((read) => {
        const deleted: string[] = [];
        const rewritten: RunPage[] = [];
        for (const page of read) {
          const runs = page.runs.filter((run) => !gone(run.id));
          if (runs.length === page.runs.length) continue;
          deleted.push(page.first);
          const left = pageOf(runs);
          if (left) rewritten.push(left);
        }
        // Deleted before the rewrites go in: a rewritten page may keep its key.
        return (deleted.length > 0 ? pages.mutate({ type: 'delete', trans, keys: deleted }) : Dexie.Promise.resolve(null)).then(() =>
          rewritten.length > 0 ? pages.mutate({ type: 'put', trans, values: rewritten }) : null,
        );
      });

  return {
    ...rows,
    get: (req) => rows.get(req).then((row: unknown) => (row !== undefined ? row : copyOf(req.trans, req.key))),
    getMany: (req) =>
      rows.getMany(req).then((found) => {
        const missing = req.keys.filter((_, i) => found[i] === undefined);
        if (missing.length === 0) return found as unknown[];
        if (missing.length === 1) return copyOf(req.trans, missing[0]).then((copy) => found.map((row: unknown) => row ?? copy));
        return copiesOf(req.trans, missing).then((copies) => found.map((row: unknown, i) => row ?? copies.get(req.keys[i] as string)));
      }),
    query: (req) => (req.query.index.isPrimaryKey ? queryById(req) : queryByIndex(req)),
    count: (req) => {
      const byId = req.query.index.isPrimaryKey === true;
      const keyPath = req.query.index.keyPath;
      const copies = byId ? copiesInIdRange(req.trans, req.query.range, false, Infinity) : allCopies(req.trans).then((all) => all.filter((run) => typeof keyPath === 'string' && inRange(req.query.range, run[keyPath as keyof Run])));
      // The ids that have rows: in the same id range for a count by id; all of them for an index
      // (a copy's row may have moved out of the index's range).
      const ownIds = rows.query({ trans: req.trans, values: false, query: { index: rows.schema.primaryKey, range: byId ? req.query.range : everything } });
      return Dexie.Promise.all([rows.count(req), copies, ownIds]).then(([own, inPages, ids]) => {
        const owned = new Set(ids.result as string[]);
        return own + inPages.filter((run) => !owned.has(run.id)).length;
      });
    },
    openCursor: (req) =>
      pageKeys(req.trans).then((keys) => {
        if (keys.length > 0) throw new Error('The runs are read by key, key range or index here, not with a cursor: some of them are kept in pages (runPages.ts).');
        return rows.openCursor(req);
      }),
    mutate: (req) =>
      rows.mutate(req).then((res) => {
        if (req.type === 'delete') {
          const ids = new Set(req.keys as string[]);
          // Only the page that can hold each id is read, not every page between the first and last.
          const holding = (keys: readonly string[]) => [...new Set(holdersOf(keys, [...ids]).values())];
          return ids.size === 0 ? res : removeFromPages(req.trans, holding, (id) => ids.has(id)).then(() => res);
        }
        if (req.type === 'deleteRange') {
          const range = req.range;
          return removeFromPages(req.trans, (keys) => pagesOver(keys, range), (id) => inRange(range, id)).then(() => res);
        }
        return res;
      }),
  };
}

/** For each string id, the key of the one page that can hold it: the last page key at or before it. */
function holdersOf(keys: readonly string[], ids: readonly unknown[]): Map<string, string> {
  const holders = new Map<string, string>();
  for (const id of ids) {
    const key = keys[lastAtOrBefore(keys, id)];
    if (key !== undefined && typeof id === 'string') holders.set(id, key);
  }
  return holders;
}

/** The index of the last key at or before `id` in sorted `keys`, or -1. */
function lastAtOrBefore(keys: readonly string[], id: unknown): number {
  let lo = 0;
  let hi = keys.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(keys[mid], id) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
