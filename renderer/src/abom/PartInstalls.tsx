import { hasPermission } from '../../../shared/domain/permissions';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useStation } from '../boot/StationContext';
import type { RunData } from '../run/useRunData';
import { selectAddedPart } from '../state/abomSlice';
import { useUi } from '../state/uiStore';
import { formatTime } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';
import { AddedPartBar } from './AddedPartBar';
import { AddRequirementForm } from './AddRequirementForm';
import { InstallInput } from './InstallInput';

const trackingShort = { serial: 'Serial', lot: 'Lot', none: 'Untracked' } as const;

/** The Part Installs (aBOM) tool: every part line of the run, what is installed, and where to add more. */
export function PartInstalls({ data }: { data: RunData }) {
  const author = useAuthor();
  const addedPart = useUi(selectAddedPart);
  const withParts = data.steps.filter((s) => s.buildRequirements.length > 0);
  const canInstall = hasPermission(author.user, 'InstallParts');
  return (
    <section className="abom" aria-labelledby="abom-title">
      <h3 id="abom-title">Part Installs (aBOM)</h3>
      {addedPart?.runId === data.run.id && data.batch && <AddedPartBar notice={addedPart} />}
      {withParts.length === 0 && <p className="muted">No part lines on this run yet.</p>}
      {withParts.map((step) => (
        <StepParts key={step.id} step={step} canInstall={canInstall} pending={data.pendingSteps.has(step.id)} />
      ))}
      {hasPermission(author.user, 'AddBuildRequirement') && <AddRequirementForm steps={data.steps} batched={data.batch !== undefined} />}
    </section>
  );
}

function StepParts({ step, canInstall, pending }: { step: RunStep; canInstall: boolean; pending: boolean }) {
  const { stationId } = useStation();
  const open = step.state !== 'complete' && step.state !== 'skipped';
  return (
    <article className="abom-step" aria-label={`Step ${step.number} ${step.title}`}>
      <h4>
        <span className="step-number">{step.number}</span> {step.title} <StatusChip status={step.state} />
      </h4>
      <ul className="requirements">
        {step.buildRequirements.map((req) => {
          const installs = step.installs.filter((i) => i.requirementId === req.id);
          const installed = installs.reduce((n, i) => n + i.quantity, 0);
          const remaining = req.quantity - installed;
          return (
            <li key={req.id} className="requirement">
              <div className="requirement-head">
                <strong className="mono">{req.partNumber}</strong>
                {req.description && <span>{req.description}</span>}
                <span className="tag">{trackingShort[req.tracking]}</span>
                <span className={remaining === 0 ? 'installed-count done' : 'installed-count'}>
                  {installed} of {req.quantity} installed
                </span>
                {req.copiedFrom && <span className="muted">copied through the batch</span>}
              </div>
              {installs.length > 0 && (
                <ul className="installs">
                  {installs.map((i) => (
                    <li key={i.id}>
                      {i.serial !== null ? `Serial ${i.serial}` : i.lot !== null ? `Lot ${i.lot} × ${String(i.quantity)}` : `${String(i.quantity)} installed`}{' '}
                      <span className="muted">· {formatTime(i.installedAt)}</span>
                      {pending && i.stationId === stationId && <span className="pending-tag"> Saved on this station</span>}
                    </li>
                  ))}
                </ul>
              )}
              {canInstall && open && remaining > 0 && <InstallInput step={step} req={req} remaining={remaining} />}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
