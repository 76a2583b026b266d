import { useEffect, useState } from 'react';
import { hasPermission } from '../../../shared/domain/permissions';
import type { User } from '../../../shared/schemas/users';
import { batchOperation } from '../actions/operations';
import { previewOperation } from '../actions/preview';
import { useStation } from '../boot/StationContext';
import { stationCode } from '../store/stationMeta';

export type BatchVerdict = { kind: 'checking' } | { kind: 'ok' } | { kind: 'no'; reason: string };

/** The schema's limit on one membership change. */
export const maxBatchRuns = 500;

/**
 * Whether the selected runs can be batched, and if not why: asked of the engine itself (a dry
 * createBatch on the cache), so the button says exactly what the engine would answer: no shared
 * steps, a run already in another batch, or a missing permission.
 */
export function useBatchVerdict(selected: ReadonlySet<string>, user: User): BatchVerdict {
  const { db, stationId } = useStation();
  const [verdict, setVerdict] = useState<BatchVerdict>({ kind: 'checking' });
  useEffect(() => {
    if (!hasPermission(user, 'UpdateRunBatch')) {
      setVerdict({ kind: 'no', reason: `${user.name} does not have the UpdateRunBatch permission` });
      return undefined;
    }
    if (selected.size < 2) {
      setVerdict({ kind: 'no', reason: 'Select at least two runs to make a batch' });
      return undefined;
    }
    if (selected.size > maxBatchRuns) {
      setVerdict({ kind: 'no', reason: `At most ${String(maxBatchRuns)} runs can be batched at once` });
      return undefined;
    }
    let current = true;
    setVerdict({ kind: 'checking' });
    // A short pause so Shift+arrowing through the list does not check every intermediate selection.
    const timer = window.setTimeout(() => {
      const op = batchOperation({ stationId, actorId: user.id }, 'createBatch', {
        batchId: `${stationCode(stationId)}-check`,
        title: null,
        runIds: [...selected],
      });
      previewOperation(db, op).then(
        (outcome) => {
          if (!current) return;
          setVerdict(outcome.status === 'rejected' || outcome.status === 'needs_review' ? { kind: 'no', reason: outcome.reason } : { kind: 'ok' });
        },
        (error: unknown) => {
          if (current) setVerdict({ kind: 'no', reason: error instanceof Error ? error.message : String(error) });
        },
      );
    }, 120);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [db, stationId, user, selected]);
  return verdict;
}
