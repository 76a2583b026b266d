import { useState } from 'react';
import { Button, Input, Label, SearchField, type Key } from 'react-aria-components';
import { batchLabel, type Batch } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { batchOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { navigate } from '../routing/router';
import { useLookups } from '../runs/useLookups';
import type { BatchManagerDialog as Opened } from '../state/dialogsSlice';
import { DialogShell } from '../ui/DialogShell';
import { plural } from '../ui/format';
import { AddRunsPicker } from './AddRunsPicker';
import { BatchRunCards } from './BatchRunCards';
import { BatchTitleRow } from './BatchTitleRow';
import { UnbatchAllConfirm } from './UnbatchAllConfirm';
import { matchesRun, useBatchView } from './useBatchView';
import { FormError } from '../ui/FormError';

/**
 * The batch manager (spec "Open the batch manager"): header "Batch {id}" or "Batch {id}: {title}",
 * the title row, **Search runs in batch**, **Add a run to the batch**, **Expand all** /
 * **Collapse all**, the run cards with **Remove** and **Remove & go to run**, and **Unbatch all**
 * in the footer. Once the run it was opened from has left, it says "This run is no longer in a batch."
 */
export function BatchManagerDialog({ opened, onClose }: { opened: Opened; onClose: () => void }) {
  const view = useBatchView(opened.batchId, opened.runId);
  const [label, setLabel] = useState(`Batch ${opened.batchId}`);
  if (view?.batch && batchLabel(view.batch) !== label) setLabel(batchLabel(view.batch));
  return (
    <DialogShell title={label} onClose={onClose} size="wide" className="batch-manager">
      {view === undefined ? (
        <p className="muted">Loading the batch…</p>
      ) : !view.batch || !view.runInBatch ? (
        <>
          <p className="no-longer" role="status">
            This run is no longer in a batch.
          </p>
          <div className="dialog-footer">
            <Button className="button primary" onPress={onClose}>
              Close
            </Button>
          </div>
        </>
      ) : (
        <Manager batch={view.batch} members={view.members} onClose={onClose} />
      )}
    </DialogShell>
  );
}

function Manager({ batch, members, onClose }: { batch: Batch; members: Run[]; onClose: () => void }) {
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const { batches } = useLookups();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = members.filter((r) => matchesRun(r, search));

  const remove = async (run: Run, andGo: boolean) => {
    setBusy(true);
    const result = await submitOp(batchOperation(author, 'removeRunFromBatch', { batchId: batch.id, runId: run.id }), `${run.id} removed from ${batchLabel(batch)}.`);
    setBusy(false);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setError(null);
    if (andGo) {
      onClose();
      navigate({ name: 'run', runId: run.id });
    }
  };

  const unbatchAll = async () => {
    setBusy(true);
    const result = await submitOp(batchOperation(author, 'unbatchAll', { batchId: batch.id }), `${batchLabel(batch)} dissolved: ${plural(members.length, 'run')} continue on their own.`);
    setBusy(false);
    if (!result.ok) setError(result.reason);
    return result.ok;
  };

  return (
    <>
      <BatchTitleRow batch={batch} />
      <div className="manager-tools">
        <SearchField className="field search" value={search} onChange={setSearch}>
          <Label>Search runs in batch</Label>
          <Input className="input" placeholder="Run ID or title" />
        </SearchField>
        <AddRunsPicker batch={batch} members={members} batchesById={batches} />
        <Button
          className="button"
          onPress={() => {
            setExpanded(new Set(shown.map((r) => r.id)));
          }}
        >
          Expand all
        </Button>
        <Button
          className="button"
          onPress={() => {
            setExpanded(new Set());
          }}
        >
          Collapse all
        </Button>
      </div>
      <p className="muted" role="status">
        {search.trim() === '' ? plural(members.length, 'run') : `${String(shown.length)} of ${plural(members.length, 'run')}`} in this batch
      </p>
      <BatchRunCards runs={shown} expanded={expanded} onExpandedChange={setExpanded} onRemove={(run, andGo) => void remove(run, andGo)} busy={busy} />
      <FormError error={error} />
      <div className="dialog-footer spread">
        <UnbatchAllConfirm batch={batch} onConfirm={unbatchAll} busy={busy} />
        <Button className="button primary" onPress={onClose}>
          Close
        </Button>
      </div>
    </>
  );
}
