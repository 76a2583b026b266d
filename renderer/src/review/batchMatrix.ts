import { siblingKey } from '../../../shared/engine/siblings';
import type { Run, RunStep, StepState } from '../../../shared/schemas/run';
import type { AttentionKind } from './attentionKinds';
import type { LeftOut } from './leftOut';

/** A column: one step of the procedure, shared by the runs whose step is its sibling. */
export interface MatrixColumn {
  key: string;
  number: string;
  title: string;
}

export interface MatrixCell {
  runId: string;
  stepId: string;
  state: StepState;
  /** Why a change made through the batch did not reach this step, when one did not. */
  leftOut: string | null;
  /** Why a supervisor must decide on this step, when one must. */
  review: string | null;
  attention: readonly AttentionKind[];
}

export interface MatrixRow {
  run: Run;
  /** One per column; null where this run has no such step (another procedure version). */
  cells: readonly (MatrixCell | null)[];
  attention: ReadonlySet<AttentionKind>;
}

export interface BatchMatrix {
  columns: readonly MatrixColumn[];
  rows: readonly MatrixRow[];
  done: number;
  total: number;
}

const stateAttention: Partial<Record<StepState, AttentionKind>> = { failed: 'failed', hold: 'hold', redline: 'redline' };

/**
 * The runs × steps matrix of a batch. Columns are sibling steps (same procedure step, lineage and
 * place), in the order of the first run that has them, so runs of two procedure versions line up
 * where they share steps. Rows keep the batch's member order.
 */
export function buildMatrix(runs: readonly Run[], steps: readonly RunStep[], leftOut: LeftOut, review: ReadonlyMap<string, string>): BatchMatrix {
  const stepsByRun = new Map<string, RunStep[]>();
  for (const step of steps) stepsByRun.set(step.runId, [...(stepsByRun.get(step.runId) ?? []), step]);
  const columns: MatrixColumn[] = [];
  const columnIndex = new Map<string, number>();
  for (const run of runs) {
    const own = [...(stepsByRun.get(run.id) ?? [])].sort((a, b) => a.position - b.position);
    let after = -1;
    for (const step of own) {
      const key = siblingKey(step);
      const at = columnIndex.get(key);
      if (at !== undefined) {
        after = at;
        continue;
      }
      // A step only this run has goes right after the last column it shares, not at the end.
      after += 1;
      columns.splice(after, 0, { key, number: step.number, title: step.title });
      for (const [k, i] of columnIndex) if (i >= after) columnIndex.set(k, i + 1);
      columnIndex.set(key, after);
    }
  }

  const rows = runs.map((run): MatrixRow => {
    const cells: (MatrixCell | null)[] = columns.map(() => null);
    const attention = new Set<AttentionKind>();
    for (const step of stepsByRun.get(run.id) ?? []) {
      const i = columnIndex.get(siblingKey(step));
      if (i === undefined) continue;
      const cell = cellOf(step, leftOut.get(step.id) ?? null, review.get(step.id) ?? null);
      for (const kind of cell.attention) attention.add(kind);
      cells[i] = cell;
    }
    return { run, cells, attention };
  });
  return {
    columns,
    rows,
    done: runs.reduce((n, r) => n + r.stepsDone, 0),
    total: runs.reduce((n, r) => n + r.stepsTotal, 0),
  };
}

function cellOf(step: RunStep, leftOut: string | null, review: string | null): MatrixCell {
  const attention: AttentionKind[] = [];
  const byState = stateAttention[step.state];
  if (byState) attention.push(byState);
  if (leftOut !== null) attention.push('excluded');
  if (review !== null) attention.push('review');
  return { runId: step.runId, stepId: step.id, state: step.state, leftOut, review, attention };
}

/** The rows that have a cell of any of the chosen kinds; every row when none is chosen. */
export function filterRows(rows: readonly MatrixRow[], chosen: ReadonlySet<AttentionKind>): MatrixRow[] {
  if (chosen.size === 0) return [...rows];
  return rows.filter((row) => [...chosen].some((kind) => row.attention.has(kind)));
}

/** How many rows each filter would show. */
export function countByKind(rows: readonly MatrixRow[]): Record<AttentionKind, number> {
  const counts: Record<AttentionKind, number> = { failed: 0, hold: 0, redline: 0, excluded: 0, review: 0 };
  for (const row of rows) for (const kind of row.attention) counts[kind] += 1;
  return counts;
}
