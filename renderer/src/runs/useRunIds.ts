import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useStation } from '../boot/StationContext';
import type { StationDb } from '../store/db';
import { RunLabels } from '../store/runLabels';
import { matchingRunIds, type RunQuery } from '../store/runQuery';

const labelsByDb = new WeakMap<StationDb, RunLabels>();

function labelsOf(db: StationDb): RunLabels {
  let labels = labelsByDb.get(db);
  if (!labels) {
    labels = new RunLabels();
    labelsByDb.set(db, labels);
  }
  return labels;
}

/**
 * The ordered ids of the runs matching the table's query, kept live: any change to the runs
 * recomputes it from the indexes. Until the first answer it is undefined; while a new query runs
 * the previous answer stays on screen.
 */
export function useRunIds(query: RunQuery): readonly string[] | undefined {
  const { db } = useStation();
  useEffect(() => {
    // Titles and unit serials are read once the table is idle, not when the first search needs them.
    const idle = window.requestIdleCallback(() => void labelsOf(db).preload(db), { timeout: 3000 });
    return () => {
      window.cancelIdleCallback(idle);
    };
  }, [db]);
  return useLiveQuery(() => matchingRunIds(db, query, labelsOf(db)), [db, query]);
}
