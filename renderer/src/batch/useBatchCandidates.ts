import { useLiveQuery } from 'dexie-react-hooks';
import type { Batch } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import { matchesRun } from './useBatchView';

/** One more than is shown, to know whether the search should be narrowed. */
const shown = 9;

/**
 * Runs that could join the batch: not already in it, matching the search by ID or title. Runs of
 * the members' procedure versions come first (they share steps). A short list, read with a limit
 * so a plant of 100,000 runs is never read whole; the search narrows it.
 */
export function useBatchCandidates(batch: Batch, members: readonly Run[], search: string): Run[] | undefined {
  const { db } = useStation();
  const versions = [...new Set(members.map((m) => m.procedureVersionId))];
  return useLiveQuery(async () => {
    const fits = (r: Run) => r.batchId !== batch.id && matchesRun(r, search);
    const same = versions.length > 0 ? await db.runs.where('procedureVersionId').anyOf(versions).filter(fits).limit(shown).toArray() : [];
    if (same.length >= shown) return same;
    const seen = new Set(same.map((r) => r.id));
    const others = await db.runs
      .filter((r) => !seen.has(r.id) && fits(r))
      .limit(shown - same.length)
      .toArray();
    return [...same, ...others];
  }, [db, batch.id, versions.join('\n'), search]);
}
