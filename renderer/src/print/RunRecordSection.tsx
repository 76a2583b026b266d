import type { FieldValue } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import { procedureLabel } from '../runs/useLookups';
import { describeAction } from '../trail/actionWords';
import { formatWithZone } from '../ui/format';
import { statusWords, stepStateWord } from '../ui/words';
import { SignatureManifest } from './SignatureManifest';
import type { RunRecord } from './usePrintRecord';

function valueText(value: FieldValue | undefined, unit: string | undefined): string {
  if (value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return unit ? `${String(value)} ${unit}` : String(value);
}

function StepValues({ step }: { step: RunStep }) {
  if (step.fields.length === 0 && step.installs.length === 0) return <>—</>;
  const partOf = (requirementId: string) => step.buildRequirements.find((r) => r.id === requirementId)?.partNumber ?? requirementId;
  return (
    <ul className="plain">
      {step.fields.map((f) => (
        <li key={f.id}>
          {f.label}: {valueText(step.fieldValues[f.id], f.unit)}
        </li>
      ))}
      {step.installs.map((i) => (
        <li key={i.id}>
          Installed {partOf(i.requirementId)}
          {i.serial ? ` serial ${i.serial}` : ''}
          {i.lot ? ` lot ${i.lot}` : ''}
          {i.quantity > 1 ? ` × ${String(i.quantity)}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** One run's record: its facts, then every step with its state, values, signatures, redlines and exclusions. */
export function RunRecordSection({ record }: { record: RunRecord }) {
  const { run, procedure, steps, signatures, redlines, exclusions } = record;
  const numberOf = (stepId: string) => steps.find((s) => stepId.endsWith(`/${s.originStepId}`))?.number ?? null;
  return (
    <section className="print-run" aria-labelledby={`print-run-${run.id}`}>
      <h2 id={`print-run-${run.id}`}>
        Run {run.id}: {run.title}
      </h2>
      <dl className="print-facts">
        <div>
          <dt>Unit serial</dt>
          <dd className="mono">{run.unitSerial}</dd>
        </div>
        <div>
          <dt>Procedure</dt>
          <dd>{procedure ? procedureLabel(procedure) : run.procedureVersionId}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {statusWords[run.status]} ({run.stepsDone} of {run.stepsTotal} steps done)
          </dd>
        </div>
      </dl>
      <table className="print-steps">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">State</th>
            <th scope="col">Values</th>
            <th scope="col">Signatures (name · meaning · date and time)</th>
            <th scope="col">Redlines, exclusions, reasons</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => {
            const stepSignatures = signatures.filter((s) => s.stepId === step.id);
            const stepRedlines = redlines.filter((r) => r.stepId === step.id);
            // The source step lists whom its change left out; a left-out run shows it on the same procedure step.
            const stepExclusions = exclusions.filter(
              (x) => x.stepId === step.id || x.fromStepId === step.id || (x.stepId === null && x.runId === run.id && (x.fromStepId?.endsWith(`/${step.originStepId}`) ?? false)),
            );
            return (
              <tr key={step.id} data-step-id={step.id}>
                <th scope="row">
                  {step.number} {step.title}
                </th>
                <td>{stepStateWord(step.state)}</td>
                <td>
                  <StepValues step={step} />
                </td>
                <td>
                  {stepSignatures.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="plain">
                      {stepSignatures.map((s) => (
                        <SignatureManifest key={s.id} signature={s} current={step.completion?.signatureId === s.id} stepNumber={numberOf} />
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <ul className="plain">
                    {step.lastReason && <li>Reason: {step.lastReason}</li>}
                    {stepRedlines.map((r) => (
                      <li key={r.id}>
                        {describeAction(r)} by {r.actorName}, {formatWithZone(r.at)}
                        {r.reason ? `: ${r.reason}` : ''}
                      </li>
                    ))}
                    {stepExclusions.map((x) => (
                      <li key={`${x.operationId}:${x.runId}`}>
                        {x.runId === run.id ? `Left out of a change from run ${x.fromRunId ?? '?'}` : `Run ${x.runId} left out`}: {x.reason}
                        {x.review ? ' (for supervisor review)' : ''}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
