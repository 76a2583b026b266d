import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Tracking } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import { stepOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { parseNumber } from '../run/limits';
import { stepNameInText } from '../run/stepOps';
import { useUi } from '../state/uiStore';
import { SingleSelect } from '../ui/Selects';
import { FormError } from '../ui/FormError';

const trackingWords: Record<Tracking, string> = { serial: 'Serial number', lot: 'Lot number', none: 'Not tracked' };

/** Adds a build requirement (a part line) to one step of this run, and this run only. */
export function AddRequirementForm({ steps, batched }: { steps: readonly RunStep[]; batched: boolean }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const showAddedPart = useUi((s) => s.showAddedPart);
  const open = steps.filter((s) => s.state !== 'complete' && s.state !== 'skipped');
  const [stepId, setStepId] = useState(open[0]?.id ?? '');
  const [partNumber, setPartNumber] = useState('');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [tracking, setTracking] = useState<Tracking>('none');
  const [error, setError] = useState<string | null>(null);
  if (open.length === 0) return <p className="muted">Every step is done: no part line can be added.</p>;
  const step = open.find((s) => s.id === stepId) ?? open[0];

  const add = async () => {
    const qty = parseNumber(quantity);
    if (!step || partNumber.trim() === '' || qty === null || !Number.isInteger(qty) || qty < 1) {
      setError('Give a part number and a whole quantity');
      return;
    }
    const op = await stepOperation(db, author, 'addBuildRequirement', step.runId, step.id, {
      requirement: { partNumber: partNumber.trim(), quantity: qty, tracking, ...(description.trim() ? { description: description.trim() } : {}) },
    });
    const result = await submitOp(op, `Part line ${partNumber.trim()} added to ${stepNameInText(step)}.`);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setError(null);
    if (batched) showAddedPart({ runId: step.runId, stepId: step.id, requirementId: op.id, partNumber: partNumber.trim() });
    setPartNumber('');
    setDescription('');
    setQuantity('1');
  };

  return (
    <Form
      className="add-requirement"
      aria-label="Add a build requirement"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h4>Add a build requirement</h4>
      <div className="form-row">
        <SingleSelect label="Step" options={open.map((s) => ({ id: s.id, label: `${s.number} ${s.title}` }))} value={step?.id ?? ''} onChange={setStepId} />
        <TextField className="field" value={partNumber} onChange={setPartNumber} autoComplete="off">
          <Label>Part number</Label>
          <Input className="input" />
        </TextField>
        <TextField className="field" value={description} onChange={setDescription}>
          <Label>Description</Label>
          <Input className="input" />
        </TextField>
        <TextField className="field narrow" value={quantity} onChange={setQuantity}>
          <Label>Quantity</Label>
          <Input className="input" inputMode="numeric" />
        </TextField>
        <SingleSelect
          label="Tracking"
          options={Tracking.options.map((t) => ({ id: t, label: trackingWords[t] }))}
          value={tracking}
          onChange={(t) => {
            setTracking(Tracking.parse(t));
          }}
        />
        <Button type="submit" className="button primary">
          Add part
        </Button>
      </div>
      <FormError error={error} />
    </Form>
  );
}
