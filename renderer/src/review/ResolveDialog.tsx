import { useMemo, useState } from 'react';
import { Form, Label, TextArea, TextField } from 'react-aria-components';
import type { ReviewAction } from '../../../shared/schemas/operation';
import type { Review } from '../../../shared/schemas/review';
import { batchOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { usePreview } from '../run/usePreview';
import { DialogShell } from '../ui/DialogShell';
import { FormFooter } from '../ui/FormFooter';
import { decisionWords } from './reviewWords';

/**
 * A supervisor's decision on one review item, with the reason the audit trail needs. The engine
 * is asked first whether it would apply, so a decision the step no longer allows is shown as
 * such before anyone confirms; once saved it queues and syncs like any operation.
 */
export function ResolveDialog({ review, action, onClose }: { review: Review; action: ReviewAction; onClose: () => void }) {
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const words = decisionWords[action];
  const { stationId, actorId } = author;
  // The reason does not change what the decision does: a placeholder stands in for the preview.
  const probe = useMemo(() => batchOperation({ stationId, actorId }, 'resolveReview', { reviewId: review.id, action, reason: 'Preview' }), [stationId, actorId, review.id, action]);
  const outcome = usePreview(probe);
  const refused = outcome?.status === 'rejected' || outcome?.status === 'needs_review';
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (reason.trim() === '') {
      setError('Give a reason: it goes into the audit trail');
      return;
    }
    setBusy(true);
    const op = batchOperation({ stationId, actorId }, 'resolveReview', { reviewId: review.id, action, reason: reason.trim() });
    const result = await submitOp(op, `${review.runId}: ${words.done}`);
    setBusy(false);
    if (!result.ok) {
      setError(`Not saved: ${result.reason}`);
      return;
    }
    onClose();
  };

  return (
    <DialogShell title={`${words.title}: ${review.runId}`} onClose={onClose} dismissable={!busy}>
      <Form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <p>{words.explain}</p>
        <TextField className="field" value={reason} onChange={setReason} autoFocus>
          <Label>Reason (required)</Label>
          <TextArea className="textarea" />
        </TextField>
        {outcome === null ? (
          <p className="preview muted">Checking what this will do…</p>
        ) : refused ? (
          <p className="preview refused" role="alert">
            This cannot be done now: {outcome.reason}
          </p>
        ) : outcome.note ? (
          <p className="preview muted">{outcome.note}</p>
        ) : null}
        <FormFooter error={error} busy={busy} refused={refused} onCancel={onClose} confirmLabel={words.button} busyLabel="Saving…" />
      </Form>
    </DialogShell>
  );
}
