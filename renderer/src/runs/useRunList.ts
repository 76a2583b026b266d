import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useStation } from '../boot/StationContext';
import { firstWindow, runIndexOf } from '../store/runIndexLoader';
import type { RunQuery } from '../store/runQuery';
import type { RunSummary } from '../store/runSummary';
import { useRunIndexVersion } from './useRunIndexVersion';

export interface RunList {
  /** The matching runs in order: all of them once the index is filled, until then the first rows. */
  ids: readonly string[];
  /** How many runs match; null until every run is read (counting 100,000 keys is not quick either). */
  total: number | null;
  /** Whether `ids` holds every matching run (select-all and jumps to the end need it). */
  complete: boolean;
  rowOf: (id: string) => RunSummary | undefined;
}

interface First {
  query: RunQuery;
  rows: ReadonlyMap<string, RunSummary>;
}

/**
 * The runs table's rows for `query`, live. Answered from the runs index in memory (a pass over
 * it per query, no IndexedDB read); until that index is filled, the unfiltered table's first rows
 * are read straight from an IndexedDB index, so the first paint does not wait for 100,000 runs.
 * The index starts filling once those rows are read, so the two reads do not compete.
 * Undefined until there is anything to show.
 */
export function useRunList(query: RunQuery): RunList | undefined {
  const { db } = useStation();
  const source = runIndexOf(db);
  const version = useRunIndexVersion(source);
  const loaded = version >= 0;

  const [first, setFirst] = useState<First | null>(null);
  useEffect(() => {
    if (loaded) return;
    let current = true;
    void firstWindow(db, query).then((window) => {
      source.index.keepOrder(query.sort);
      source.load();
      if (window && current) setFirst({ query, rows: new Map(window.map((r) => [r.id, r])) });
    });
    return () => {
      current = false;
    };
  }, [db, query, loaded, source]);

  const ids = useMemo(() => (version >= 0 ? source.index.query(query) : null), [source, version, query]);
  return useMemo(() => {
    if (ids) return { ids, total: ids.length, complete: true, rowOf: (id: string) => source.index.get(id) };
    if (first?.query !== query) return undefined;
    const { rows } = first;
    return { ids: [...rows.keys()], total: null, complete: false, rowOf: (id: string) => rows.get(id) };
  }, [ids, first, query, source]);
}

const none: ReadonlySet<string> = new Set();

/** Runs with a change saved on this station and not yet confirmed by the server (few), live. */
export function usePendingRuns(): ReadonlySet<string> {
  const { db } = useStation();
  const pending = useLiveQuery(
    async () => {
      const keys = await db.shadows.where('key').startsWith('run:').primaryKeys();
      return new Set(keys.map((key) => key.slice('run:'.length)));
    },
    [db],
  );
  return pending ?? none;
}
