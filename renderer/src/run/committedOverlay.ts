import type { CommittedRows } from '../store/committedRows';
import type { RunData } from './useRunData';

/**
 * The run view's data with a committed transaction's rows drawn over it, or null when the
 * transaction did not touch this run or wrote something only a re-read can show: a deleted row
 * (a step back to pristine), an emptied store, or a run that changed batch, procedure or steps.
 * Signatures and audit entries are not drawn from here: the live query, already re-reading after
 * the same commit, brings them a moment later.
 */
export function overlayCommitted(data: RunData, rows: CommittedRows): RunData | null {
  if (rows.cleared) return null;
  const { run } = data;
  const runRow = rows.runs.get(run.id);
  if (runRow === null) return null;
  if (runRow && (runRow.batchId !== run.batchId || runRow.procedureVersionId !== run.procedureVersionId || runRow.stepIds.join() !== run.stepIds.join())) return null;
  if (data.steps.some((step) => rows.steps.get(step.id) === null)) return null;
  let touched = runRow !== undefined;
  const steps = data.steps.map((step) => {
    const row = rows.steps.get(step.id);
    if (!row) return step;
    touched = true;
    return row;
  });
  const pendingSteps = new Set(data.pendingSteps);
  for (const id of run.stepIds) {
    const key = `runStep:${id}`;
    if (rows.shadowed.has(key)) pendingSteps.add(id);
    if (rows.unshadowed.has(key)) pendingSteps.delete(id);
  }
  const runKey = `run:${run.id}`;
  const runPending = rows.shadowed.has(runKey) ? true : rows.unshadowed.has(runKey) ? false : data.runPending;
  touched ||= runPending !== data.runPending || pendingSteps.size !== data.pendingSteps.size || [...pendingSteps].some((id) => !data.pendingSteps.has(id));
  if (!touched) return null;
  return { ...data, run: runRow ?? run, steps, pendingSteps, runPending };
}
