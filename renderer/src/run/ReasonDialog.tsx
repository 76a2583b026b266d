import { useState } from 'react';
import { Form, Label, TextArea, TextField } from 'react-aria-components';
import type { Seen } from '../../../shared/schemas/operation';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import type { StepDialogKind } from '../state/dialogsSlice';
import { DialogShell } from '../ui/DialogShell';
import { FormFooter } from '../ui/FormFooter';
import { PropagationPreview } from './PropagationPreview';
import { actionWords, buildStepOp, type RedlineChanges } from './stepOps';
import { useStepPreview } from './useStepPreview';
import { useSaveGuard } from '../actions/useSaveGuard';

/**
 * A step action confirmed in a dialog: with a reason (skip, fail, reopen, hold, redline), or
 * without one for a batched run, where the person must see what propagates before confirming.
 */
export function StepActionDialog(props: { kind: StepDialogKind; step: RunStep; seen: Seen; batched: boolean; changes?: RedlineChanges; onClose: () => void }) {
  const { kind, step, seen, batched, changes, onClose } = props;
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const words = actionWords(kind, step);
  const outcome = useStepPreview(kind, step, seen, changes);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { guard, busy } = useSaveGuard();
  const refused = outcome?.status === 'rejected' || outcome?.status === 'needs_review';

  // Closing while a save runs is left to the save: it closes the dialog once it is saved.
  const close = () => {
    if (!guard.saving) onClose();
  };
  const confirm = async () => {
    if (words.needsReason && reason.trim() === '') {
      setError('Give a reason: it goes into the audit trail');
      return;
    }
    const result = await guard.run(async () => submitOp(await buildStepOp(db, author, kind, step, { reason: reason.trim(), meaning: 'performed', changes: changes ?? {} }, seen), words.done));
    if (!result) return;
    if (!result.ok) {
      setError(`Not saved: ${result.reason}`);
      return;
    }
    onClose();
  };

  return (
    <DialogShell title={words.title} onClose={close} dismissable={!busy}>
      <Form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        {words.needsReason && (
          <TextField className="field" value={reason} onChange={setReason} autoFocus>
            <Label>Reason (required)</Label>
            <TextArea className="textarea" />
          </TextField>
        )}
        <PropagationPreview outcome={outcome} batched={batched} />
        <FormFooter
          error={error}
          busy={busy}
          refused={refused}
          onCancel={close}
          confirmLabel={words.confirm}
          busyLabel="Saving…"
          cancelLabel={kind === 'redlineCancel' ? 'Keep the redline' : 'Cancel'}
          cancelFocus={!words.needsReason}
          danger={kind === 'fail'}
        />
      </Form>
    </DialogShell>
  );
}
