import type { RunIndex } from '../store/runIndex';
import type { RunQuery } from '../store/runQuery';
import type { RunSummary } from '../store/runSummary';
import { matchesRun } from './useBatchView';

/**
 * Runs that could join the batch `batchId`: not already in it, matching `search` by ID or title,
 * in ID order, those of `versions` (the members' procedure versions: they share steps) first. At
 * most `limit`. Answered from the runs index in memory: a plant of 100,000 runs is searched in a
 * pass, with no IndexedDB read (and the runs store needs no procedure index, which every run a
 * station bootstraps would write).
 */
export function batchCandidates(index: RunIndex, batchId: string, versions: readonly string[], search: string, limit: number): RunSummary[] {
  const query = (procedureVersionIds: readonly string[]): RunQuery => ({ sort: 'id', descending: false, statuses: [], procedureVersionIds, batch: 'any', search });
  const found: RunSummary[] = [];
  const take = (ids: readonly string[], wanted: (run: RunSummary) => boolean) => {
    for (const id of ids) {
      if (found.length === limit) return;
      const run = index.get(id);
      if (run && run.batchId !== batchId && wanted(run) && matchesRun(run, search)) found.push(run);
    }
  };
  const same = new Set(versions);
  if (same.size > 0) take(index.query(query(versions)), () => true);
  take(index.query(query([])), (run) => !same.has(run.procedureVersionId));
  return found;
}
