import { Button } from 'react-aria-components';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import { offeredActions } from './stepActions';
import { actionWords, buildStepOp } from './stepOps';

/**
 * The step's actions. Sign-off opens the e-signature; actions with a reason open their dialog;
 * start and release act at once on a run in no batch, and ask first (saying what propagates)
 * when the run is batched.
 */
export function StepActionsBar({ step, batched, unavailable, childrenOpen }: { step: RunStep; batched: boolean; unavailable: string | null; childrenOpen: string | null }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit();
  const openStepDialog = useUi((s) => s.openStepDialog);
  const actions = offeredActions(step, author.user, { unavailable, childrenOpen });
  if (actions.length === 0) return null;

  const act = async (kind: (typeof actions)[number]['kind']) => {
    const words = actionWords(kind, step);
    if (kind === 'signOff' || words.needsReason || batched) {
      openStepDialog({ kind, runId: step.runId, stepId: step.id });
      return;
    }
    const op = await buildStepOp(db, author, kind, step, { reason: '', meaning: 'performed', changes: {} });
    await submitOp(op, words.done);
  };

  return (
    <div className="step-actions" role="group" aria-label="Step actions">
      {actions.map((a) => (
        <div key={a.kind} className="action-slot">
          <Button
            className={`button big${a.kind === 'signOff' || a.kind === 'start' || a.kind === 'release' ? ' primary' : ''}${a.kind === 'fail' ? ' danger' : ''}`}
            isDisabled={a.blocked !== null}
            onPress={() => void act(a.kind)}
          >
            {a.label}
          </Button>
          {a.blocked && <span className="blocked-why">{a.blocked}</span>}
        </div>
      ))}
    </div>
  );
}
