import { Button } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { batchLabel } from '../../../shared/schemas/batch';
import type { User } from '../../../shared/schemas/users';
import { batchOperation } from '../actions/operations';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import { enqueueWithNextBatchId } from '../store/batchIds';
import { plural, formatCount } from '../ui/format';
import { useBatchVerdict } from './useBatchVerdict';

/**
 * Floats over the runs table while runs are selected. **Batch** makes a new batch of them; when
 * it cannot, the button stays reachable and the reason is shown beside it and read with it.
 */
export function SelectionToolbar({ matching, user }: { matching: readonly string[]; user: User }) {
  const { db, stationId } = useStation();
  const { selected, setSelection, clearSelection, notify } = useUi(
    useShallow((s) => ({ selected: s.selection.ids, setSelection: s.setSelection, clearSelection: s.clearSelection, notify: s.notify })),
  );
  const verdict = useBatchVerdict(selected, user);
  if (selected.size === 0) return null;
  const allSelected = selected.size >= matching.length && matching.every((id) => selected.has(id));

  const batch = async () => {
    if (verdict.kind !== 'ok') return;
    const runIds = [...selected];
    const result = await enqueueWithNextBatchId(db, stationId, (batchId) =>
      batchOperation({ stationId, actorId: user.id }, 'createBatch', { batchId, title: null, runIds }),
    );
    if (!result.ok) {
      notify({ tone: 'refused', text: `Not saved: ${result.outcome.reason}` });
      return;
    }
    const made = await db.runs.get(runIds[0] ?? '');
    const created = made?.batchId ? await db.batches.get(made.batchId) : undefined;
    clearSelection();
    notify({ tone: 'done', text: `${created ? batchLabel(created) : 'Batch'} created with ${plural(runIds.length, 'run')}. Saved on this station.` });
  };

  const why = verdict.kind === 'no' ? verdict.reason : verdict.kind === 'checking' ? 'Checking whether these runs can be batched…' : null;
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Selected runs">
      <p className="selected-count" aria-live="polite">
        {plural(selected.size, 'run')} selected
      </p>
      <button
        type="button"
        className="button primary big batch-button"
        aria-disabled={verdict.kind !== 'ok'}
        aria-describedby={why ? 'batch-why' : undefined}
        onClick={() => void batch()}
      >
        Batch
      </button>
      {why && (
        <p id="batch-why" className={verdict.kind === 'no' ? 'batch-why refused' : 'batch-why'}>
          {why}
        </p>
      )}
      {!allSelected && (
        <Button
          className="button"
          onPress={() => {
            setSelection({ ids: new Set(matching), anchorId: matching[0] ?? null });
          }}
        >
          Select all {formatCount(matching.length)} matching
        </Button>
      )}
      <Button className="button" onPress={clearSelection}>
        Clear selection
      </Button>
    </div>
  );
}
