import { useState } from 'react';
import { Autocomplete, Button, Dialog, DialogTrigger, Input, Label, ListBox, ListBoxItem, Popover, SearchField, type Selection } from 'react-aria-components';
import { batchLabel, type Batch } from '../../../shared/schemas/batch';
import type { Run } from '../../../shared/schemas/run';
import { batchOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { plural } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';
import { useBatchCandidates } from './useBatchCandidates';
import { FormError } from '../ui/FormError';

const maxShown = 8;

/**
 * **Add a run to the batch**: a searchable multi-select of runs not yet in the batch, with
 * **Add N to batch** and **Clear selection** in its footer. Runs in another batch are listed but
 * cannot be picked, and say which batch holds them.
 */
export function AddRunsPicker({ batch, members, batchesById }: { batch: Batch; members: readonly Run[]; batchesById: ReadonlyMap<string, Batch> }) {
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = useBatchCandidates(batch, members, search);
  const candidates = (found ?? []).slice(0, maxShown);
  const elsewhere = candidates.filter((r) => r.batchId !== null && r.batchId !== batch.id).map((r) => r.id);

  const add = async () => {
    const runIds = [...picked];
    setBusy(true);
    const result = await submitOp(batchOperation(author, 'addRunsToBatch', { batchId: batch.id, runIds }), `Added ${plural(runIds.length, 'run')} to ${batchLabel(batch)}.`);
    setBusy(false);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setPicked(new Set());
    setError(null);
    setOpen(false);
  };

  const onSelectionChange = (keys: Selection) => {
    setError(null);
    setPicked(keys === 'all' ? new Set(candidates.filter((r) => !elsewhere.includes(r.id)).map((r) => r.id)) : new Set([...keys].map(String)));
  };

  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className="button">Add a run to the batch</Button>
      <Popover className="popover picker-popover" placement="bottom start">
        <Dialog className="picker" aria-label="Add a run to the batch">
          <Autocomplete inputValue={search} onInputChange={setSearch}>
            <SearchField className="field" aria-label="Search runs by ID or title" autoFocus>
              <Label>Search runs by ID or title</Label>
              <Input className="input" placeholder="Run ID or title" />
            </SearchField>
            <ListBox
              className="listbox picker-list"
              aria-label="Runs not in this batch"
              selectionMode="multiple"
              selectedKeys={picked}
              onSelectionChange={onSelectionChange}
              disabledKeys={elsewhere}
              items={candidates}
              renderEmptyState={() => <p className="muted empty-list">{found === undefined ? 'Reading the runs on this station…' : 'No run outside the batch matches.'}</p>}
            >
              {(run) => {
                const other = run.batchId !== null ? batchesById.get(run.batchId) : undefined;
                return (
                  <ListBoxItem id={run.id} className="option check-option candidate" textValue={`${run.id} ${run.title}`}>
                    {({ isSelected }) => (
                      <>
                        <span className="option-check" aria-hidden="true">
                          {isSelected ? '✓' : ''}
                        </span>
                        <span className="run-id">{run.id}</span>
                        <span className="ellipsis candidate-title">{run.title}</span>
                        {run.batchId !== null ? <span className="muted">in {other ? batchLabel(other) : `Batch ${run.batchId}`}</span> : <StatusChip status={run.status} />}
                      </>
                    )}
                  </ListBoxItem>
                );
              }}
            </ListBox>
          </Autocomplete>
          {found !== undefined && found.length > maxShown && <p className="hint">More runs match: type more of an ID or title to find them.</p>}
          <FormError error={error} />
          <div className="picker-footer">
            <Button className="button primary" isDisabled={picked.size === 0 || busy} onPress={() => void add()}>
              Add {picked.size} to batch
            </Button>
            <Button
              className="button"
              isDisabled={picked.size === 0}
              onPress={() => {
                setPicked(new Set());
                setError(null);
              }}
            >
              Clear selection
            </Button>
          </div>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
