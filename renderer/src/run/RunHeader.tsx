import { hrefOf } from '../routing/router';
import { procedureLabel } from '../runs/useLookups';
import { plural } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';
import { BatchPill } from './BatchPill';
import type { RunData } from './useRunData';

export function RunHeader({ data }: { data: RunData }) {
  const { run, batch, procedure, runPending } = data;
  const pct = run.stepsTotal === 0 ? 0 : Math.round((run.stepsDone / run.stepsTotal) * 100);
  return (
    <header className="run-header">
      <a className="back-link button" href="#/runs">
        ← Runs
      </a>
      <div className="run-title">
        <h2>
          <span className="run-id">{run.id}</span> <span className="run-name">{run.title}</span>
        </h2>
        <dl className="run-facts">
          <div>
            <dt>Unit</dt>
            <dd className="mono">{run.unitSerial}</dd>
          </div>
          <div>
            <dt>Procedure</dt>
            <dd>{procedure ? procedureLabel(procedure) : run.procedureVersionId}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusChip status={run.status} />
            </dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd className="progress-cell">
              <span className="bar wide" role="progressbar" aria-label="Steps done" aria-valuemin={0} aria-valuemax={run.stepsTotal} aria-valuenow={run.stepsDone}>
                <span style={{ width: `${String(pct)}%` }} />
              </span>
              {run.stepsDone} of {plural(run.stepsTotal, 'step')} done
            </dd>
          </div>
        </dl>
      </div>
      <div className="run-header-side">
        {batch && <BatchPill batch={batch} runId={run.id} />}
        <a className="button" href={hrefOf({ name: 'print', target: 'run', id: run.id })}>
          Print run record
        </a>
        {runPending && (
          <span className="pending-tag">
            <span aria-hidden="true">⟳</span> Saved on this station
          </span>
        )}
      </div>
    </header>
  );
}
