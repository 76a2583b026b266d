import { useEffect, useMemo } from 'react';
import type { Batch } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import { useRunIndexVersion } from '../runs/useRunIndexVersion';
import { runIndexOf } from '../store/runIndexLoader';
import type { RunSummary } from '../store/runSummary';
import { batchCandidates } from './batchCandidates';

/** One more than is shown, to know whether the search should be narrowed. */
const shown = 9;

/**
 * Runs that could join the batch (batchCandidates), live: from the runs index in memory, which
 * this starts filling if the runs table has not. Undefined until it is filled.
 */
export function useBatchCandidates(batch: Batch, members: readonly Run[], search: string): RunSummary[] | undefined {
  const { db } = useStation();
  const source = runIndexOf(db);
  const version = useRunIndexVersion(source);
  useEffect(() => {
    source.load();
  }, [source]);
  const versions = [...new Set(members.map((m) => m.procedureVersionId))].sort().join('\n');
  return useMemo(
    () => (version < 0 ? undefined : batchCandidates(source.index, batch.id, versions === '' ? [] : versions.split('\n'), search, shown)),
    [source, version, batch.id, versions, search],
  );
}
