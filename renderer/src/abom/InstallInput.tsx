import { useRef, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { BuildRequirement } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import { stepOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { parseNumber } from '../run/limits';
import { FormError } from '../ui/FormError';

/**
 * Records what this unit consumed, by typing or scanning: a scanner types the serial or lot and
 * presses Enter, which records it and leaves the field empty and focused for the next scan.
 */
export function InstallInput({ step, req, remaining }: { step: RunStep; req: BuildRequirement; remaining: number }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const [code, setCode] = useState('');
  const [qty, setQty] = useState(String(remaining));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  const record = async () => {
    const quantity = req.tracking === 'serial' ? 1 : parseNumber(qty);
    if (quantity === null || !Number.isInteger(quantity) || quantity < 1) {
      setError('Enter a whole quantity');
      return;
    }
    if (req.tracking !== 'none' && code.trim() === '') {
      setError(`Scan or type the ${req.tracking === 'serial' ? 'serial number' : 'lot number'}`);
      return;
    }
    setBusy(true);
    const op = await stepOperation(db, author, 'recordInstall', step.runId, step.id, {
      requirementId: req.id,
      serial: req.tracking === 'serial' ? code.trim() : null,
      lot: req.tracking === 'lot' ? code.trim() : null,
      quantity,
    });
    const what = req.tracking === 'none' ? `${String(quantity)} × ${req.partNumber}` : `${req.partNumber} ${code.trim()}`;
    const result = await submitOp(op, `Installed ${what}.`);
    setBusy(false);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setError(null);
    setCode('');
    setQty(String(Math.max(1, remaining - quantity)));
    codeRef.current?.focus();
  };

  const codeLabel = req.tracking === 'serial' ? `Serial for ${req.partNumber}` : `Lot for ${req.partNumber}`;
  return (
    <Form
      className="install-input"
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      {req.tracking !== 'none' && (
        <TextField className="field" value={code} onChange={setCode} autoComplete="off">
          <Label>{codeLabel}</Label>
          <Input ref={codeRef} className="input" placeholder="Scan or type" />
        </TextField>
      )}
      {req.tracking !== 'serial' && (
        <TextField className="field narrow" value={qty} onChange={setQty}>
          <Label>{`Quantity of ${req.partNumber}`}</Label>
          <Input className="input" inputMode="numeric" />
        </TextField>
      )}
      <Button type="submit" className="button primary" isDisabled={busy}>
        Install
      </Button>
      <FormError error={error} />
    </Form>
  );
}
