import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { StepOperation } from '../../../shared/schemas/operation';
import { stepOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import type { AddedPartNotice } from '../state/abomSlice';
import { useUi } from '../state/uiStore';
import { plural } from '../ui/format';
import { usePreview } from '../run/usePreview';

/**
 * "Added {part} to this run only." Part installs never cascade by themselves: copying the part
 * line to the batch's other runs is this deliberate click, and Dismiss keeps it on this run.
 * N is the number of runs the engine says the copy will reach; the runs it would leave out are
 * listed with their reasons.
 */
export function AddedPartBar({ notice }: { notice: AddedPartNotice }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit();
  const dismiss = useUi((s) => s.dismissAddedPart);
  const [op, setOp] = useState<StepOperation | null>(null);
  const [busy, setBusy] = useState(false);
  const { stationId, actorId } = author;
  useEffect(() => {
    let live = true;
    void stepOperation(db, { stationId, actorId }, 'applyBuildRequirementToBatch', notice.runId, notice.stepId, { requirementId: notice.requirementId }).then((built) => {
      if (live) setOp(built);
    });
    return () => {
      live = false;
    };
  }, [db, stationId, actorId, notice]);
  const outcome = usePreview(op);
  const reach = outcome && (outcome.status === 'applied' || outcome.status === 'applied_with_exclusions') ? outcome.propagatedTo.length : null;
  const leftOut = outcome?.status === 'applied_with_exclusions' ? outcome.excluded : [];

  const apply = async () => {
    setBusy(true);
    const fresh = await stepOperation(db, author, 'applyBuildRequirementToBatch', notice.runId, notice.stepId, { requirementId: notice.requirementId });
    const result = await submitOp(fresh, `${notice.partNumber} applied to the batch.`);
    setBusy(false);
    if (result.ok) dismiss();
  };

  return (
    <div className="added-part-bar" role="status">
      <p className="added-part-text">
        <span aria-hidden="true">ℹ</span> Added {notice.partNumber} to this run only.
      </p>
      <div className="button-row">
        <Button className="button primary" isDisabled={busy || reach === null || reach === 0} onPress={() => void apply()}>
          Apply to {reach === null ? 'N' : String(reach)} {reach === 1 ? 'run' : 'runs'} in batch
        </Button>
        <Button className="button" onPress={dismiss} isDisabled={busy}>
          Dismiss
        </Button>
      </div>
      {(outcome?.status === 'rejected' || outcome?.status === 'needs_review') && <p className="form-error">{outcome.reason}</p>}
      {leftOut.length > 0 && (
        <div className="left-out-box">
          <p>{plural(leftOut.length, 'run')} of the batch would be left out:</p>
          <ul className="left-out">
            {leftOut.map((e) => (
              <li key={e.runId}>
                <strong>{e.runId}</strong>: {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
