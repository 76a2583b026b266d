import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import type { Run } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';

const keepRows = 3000;

export interface RunWindow {
  rows: ReadonlyMap<string, Run>;
  /** Runs with a change saved on this station and not yet confirmed by the server. */
  pending: ReadonlySet<string>;
}

/**
 * The rows of the visible window only, read live by id. Rows already seen are kept (a bounded
 * cache) so fast scrolling shows the last known row instead of a blank while the read runs.
 */
export function useRunWindow(ids: readonly string[]): RunWindow {
  const { db } = useStation();
  const cache = useRef(new Map<string, Run>());
  const key = ids.join('\n');
  const fresh = useLiveQuery(
    async () => {
      const [runs, shadows] = await Promise.all([db.runs.bulkGet([...ids]), db.shadows.bulkGet(ids.map((id) => `run:${id}`))]);
      return { runs, pending: new Set(ids.filter((_, i) => shadows[i] !== undefined)) };
    },
    // The ids are captured by value through `key`: a new array with the same ids reads nothing again.
    [db, key],
  );
  if (fresh) {
    if (cache.current.size > keepRows) cache.current.clear();
    for (const run of fresh.runs) if (run) cache.current.set(run.id, run);
  }
  return { rows: cache.current, pending: fresh?.pending ?? new Set() };
}
