import { Button } from 'react-aria-components';
import { hasPermission } from '../../../shared/domain/permissions';
import type { FieldValue } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import { stepOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { formatSignedAt } from '../ui/format';
import { StepHistory } from '../trail/StepHistory';
import { StatusChip } from '../ui/StatusChip';
import { meaningWords } from '../ui/words';
import { FieldEntry } from './FieldEntry';
import { lastChange, provenanceText } from './provenance';
import { RedlinePanel } from './RedlinePanel';
import { StepActionsBar } from './StepActionsBar';
import { stepNameInText } from './stepOps';
import type { RunData } from './useRunData';

/** One step: what to do, its values, its parts, what can be done now, and its signatures. */
export function StepDetail({ data, step, unavailable, childrenOpen, onShowParts }: { data: RunData; step: RunStep; unavailable: string | null; childrenOpen: string | null; onShowParts: () => void }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit();
  const editable = (step.state === 'todo' || step.state === 'in_progress') && hasPermission(author.user, 'EnterStepFields');
  const signatures = data.signatures.filter((s) => s.stepId === step.id).sort((a, b) => (a.signedAt < b.signedAt ? 1 : -1));
  const current = step.completion ? signatures.find((s) => s.id === step.completion?.signatureId) : undefined;
  const change = lastChange(data.audit, step);
  // The source step is the sibling of a step of this run: same procedure step, same number.
  const numberOf = (stepId: string) => data.steps.find((s) => stepId.endsWith(`/${s.originStepId}`))?.number ?? null;
  const changeProvenance = change?.provenance ?? null;

  const commitField = async (fieldId: string, value: FieldValue) => {
    const op = await stepOperation(db, author, 'enterFields', step.runId, step.id, { values: { [fieldId]: value } });
    const field = step.fields.find((f) => f.id === fieldId);
    return (await submitOp(op, `${field?.label ?? fieldId} recorded on ${stepNameInText(step)}.`)).ok;
  };

  return (
    <section className="step-detail" aria-labelledby="step-detail-title">
      <div className="step-detail-head">
        <h3 id="step-detail-title">
          <span className="step-number">{step.number}</span> {step.title}
        </h3>
        <StatusChip status={step.state} />
        {data.pendingSteps.has(step.id) && (
          <span className="pending-tag">
            <span aria-hidden="true">⟳</span> Saved on this station
          </span>
        )}
      </div>
      {step.state === 'todo' && (
        <p className={unavailable ? 'availability waiting' : 'availability available'}>{unavailable ? `Not available yet: ${unavailable}` : 'Available: it can be started or signed off now.'}</p>
      )}
      {step.lastReason && step.state !== 'todo' && step.state !== 'complete' && (
        <p className="last-reason">
          Reason: <strong>{step.lastReason}</strong>
        </p>
      )}
      {changeProvenance && (
        <p className="provenance">
          {provenanceText(changeProvenance, numberOf(changeProvenance.fromStepId))} · {change?.actorName}
        </p>
      )}
      {step.state === 'redline' && step.redline ? (
        <RedlinePanel step={step} batched={data.batch !== undefined} />
      ) : (
        step.instructions !== '' && <p className="instructions">{step.instructions}</p>
      )}
      {step.state !== 'redline' && step.fields.length > 0 && (
        <div className="fields">
          {step.fields.map((f) => (
            <FieldEntry key={f.id} field={f} value={step.fieldValues[f.id]} editable={editable} onCommit={(v) => commitField(f.id, v)} />
          ))}
        </div>
      )}
      {step.buildRequirements.length > 0 && (
        <div className="parts-summary">
          <p className="field-label">Parts</p>
          <ul>
            {step.buildRequirements.map((r) => {
              const installed = step.installs.filter((i) => i.requirementId === r.id).reduce((n, i) => n + i.quantity, 0);
              return (
                <li key={r.id}>
                  {r.partNumber}: {installed} of {r.quantity} installed
                </li>
              );
            })}
          </ul>
          <Button className="button" onPress={onShowParts}>
            Open Part Installs (aBOM)
          </Button>
        </div>
      )}
      <StepActionsBar step={step} batched={data.batch !== undefined} unavailable={unavailable} childrenOpen={childrenOpen} />
      {current && (
        <div className="signature current-signature">
          <p className="signature-line">
            <span aria-hidden="true">✍</span> Signed by <strong>{current.signerName}</strong> · {meaningWords[current.meaning]} · {formatSignedAt(current.signedAt)}
          </p>
          {current.provenance && <p className="provenance">{provenanceText(current.provenance, numberOf(current.provenance.fromStepId))}</p>}
        </div>
      )}
      {signatures.length > (current ? 1 : 0) && (
        <details className="history">
          <summary>Earlier signatures ({signatures.length - (current ? 1 : 0)})</summary>
          <ul>
            {signatures
              .filter((s) => s !== current)
              .map((s) => (
                <li key={s.id}>
                  {s.signerName} · {meaningWords[s.meaning]} · {formatSignedAt(s.signedAt)} (superseded by a reopen)
                </li>
              ))}
          </ul>
        </details>
      )}
      <StepHistory data={data} step={step} />
    </section>
  );
}

/**
 * The step a run opens on: the first one that needs attention (failed, in redline, on hold), else
 * the first one that can be worked now (a step with no children before a section), else the first
 * to do.
 */
export function defaultStepId(steps: readonly RunStep[], unavailable: ReadonlyMap<string, string | null>): string | null {
  const hasChildren = new Set(steps.map((s) => s.parentOriginStepId).filter((p): p is string => p !== null));
  const workable = (s: RunStep) => (s.state === 'in_progress' || (s.state === 'todo' && !unavailable.get(s.id))) && !hasChildren.has(s.originStepId);
  const pick =
    steps.find((s) => s.state === 'failed' || s.state === 'redline' || s.state === 'hold') ??
    steps.find(workable) ??
    steps.find((s) => s.state === 'in_progress' || s.state === 'todo') ??
    steps[0];
  return pick?.id ?? null;
}
