import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Run, RunStep } from '../../shared/schemas/run';
import { PlantDriver } from '../../renderer/src/demo/plantDriver';
import { controllerV3 } from '../../renderer/src/demo/procedures';
import { demoUsers } from '../../renderer/src/demo/users';
import { buildMatrix, countByKind, filterRows } from '../../renderer/src/review/batchMatrix';
import { cellText } from '../../renderer/src/review/cellText';
import { leftOutCells } from '../../renderer/src/review/leftOut';
import { matrixCsvRows, toCsv } from '../../renderer/src/review/matrixCsv';

// A small plant moved by real operations through the engine: three controller runs batched,
// one held (on its own) before a start made through the batch, and a fourth that joined afterwards.
function plantAfterBatchStart() {
  const plant = new PlantDriver(demoUsers, 'ST-TEST', Date.UTC(2026, 2, 2, 8, 0, 0));
  for (const id of ['R-1', 'R-2', 'R-3', 'R-4']) plant.addRun(controllerV3, id, `Controller ${id}`, `SN-${id}`);
  plant.must(plant.stepOp('hold', 'R-3', 'cb-kit', 'u-ana', { reason: 'Kit incomplete' }));
  plant.must(plant.batchOp('createBatch', 'u-chen', { batchId: 'B-1', title: 'Morning', runIds: ['R-1', 'R-2', 'R-3'] }));
  plant.must(plant.stepOp('start', 'R-1', 'cb-kit', 'u-ana', {}));
  plant.must(plant.batchOp('addRunsToBatch', 'u-chen', { batchId: 'B-1', runIds: ['R-4'] }));
  return plant;
}

function snapshot(plant: PlantDriver) {
  const rows = plant.rows([controllerV3]);
  const batch = rows.flatMap((c) => (c.entity === 'batch' && 'row' in c ? [c.row] : [])).find((b) => b.id === 'B-1');
  if (!batch) throw new Error('no batch');
  const runs = batch.memberRunIds.map((id) => plant.run(id));
  const steps = rows.flatMap((c) => (c.entity === 'runStep' && 'row' in c && batch.memberRunIds.includes(c.row.runId) ? [c.row] : []));
  const audit = rows.flatMap((c) => (c.entity === 'audit' ? [c.row] : []));
  return { batch, runs, steps, audit };
}

describe('cells left out of a change made through the batch', () => {
  it('marks the sibling the change did not reach, not the run that joined after it', () => {
    const plant = plantAfterBatchStart();
    expect(plant.step('R-2', 'cb-kit').state).toBe('in_progress');
    expect(plant.step('R-3', 'cb-kit').state).toBe('hold');
    const { batch, steps, audit } = snapshot(plant);
    const left = leftOutCells(batch, steps, audit);
    expect([...left]).toEqual([['R-3/cb-kit', 'Not reached by the start from run R-1']]);
  });

  it('forgets it once the sibling reaches the same state, and prefers the server’s own reason', () => {
    const plant = plantAfterBatchStart();
    const before = snapshot(plant);
    const known = [{ runId: 'R-3', stepId: 'R-3/cb-kit', reason: 'Cannot start step 1 "Kit and inspect": it is on hold', review: false }];
    expect(leftOutCells(before.batch, before.steps, before.audit, known).get('R-3/cb-kit')).toBe(known[0]?.reason);

    plant.must(plant.stepOp('release', 'R-3', 'cb-kit', 'u-chen', {}));
    plant.must(plant.stepOp('start', 'R-3', 'cb-kit', 'u-ana', {}));
    const after = snapshot(plant);
    expect(leftOutCells(after.batch, after.steps, after.audit).size).toBe(0);
  });
});

describe('the runs × steps matrix', () => {
  const { batch, runs, steps, audit } = snapshot(plantAfterBatchStart());
  const matrix = buildMatrix(runs, steps, leftOutCells(batch, steps, audit), new Map([['R-2/cb-kit-board', 'Changed after you saw it']]));

  it('has a row per member in batch order and a column per step in procedure order', () => {
    expect(matrix.rows.map((r) => r.run.id)).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
    expect(matrix.columns.map((c) => c.number)).toEqual(controllerV3.steps.map((s) => s.number));
    expect(matrix.total).toBe(runs.reduce((n, r) => n + r.stepsTotal, 0));
  });

  it('words each cell by its state and what needs attention', () => {
    const r3 = matrix.rows[2];
    expect(r3?.cells[0] && cellText(r3.cells[0])).toBe('On hold · Left out');
    expect([...(r3?.attention ?? [])].sort()).toEqual(['excluded', 'hold']);
    const r2 = matrix.rows[1];
    expect(r2?.cells.map((c) => c && cellText(c)).slice(0, 3)).toEqual(['In progress', 'To do', 'To do · Needs review']);
  });

  it('filters narrow the rows to those with a cell of any chosen kind', () => {
    expect(filterRows(matrix.rows, new Set()).length).toBe(4);
    expect(filterRows(matrix.rows, new Set(['hold'])).map((r) => r.run.id)).toEqual(['R-3']);
    expect(filterRows(matrix.rows, new Set(['review'])).map((r) => r.run.id)).toEqual(['R-2']);
    expect(filterRows(matrix.rows, new Set(['review', 'excluded'])).map((r) => r.run.id)).toEqual(['R-2', 'R-3']);
    expect(filterRows(matrix.rows, new Set(['failed']))).toEqual([]);
    expect(countByKind(matrix.rows)).toEqual({ failed: 0, hold: 1, redline: 0, excluded: 1, review: 1 });
  });

  it('puts a step only one run has beside the steps around it, and leaves the others’ cells empty', () => {
    const extra: RunStep = { ...steps.find((s) => s.id === 'R-4/cb-kit-board') as RunStep, id: 'R-4/x', originStepId: 'x', number: '1.2a', title: 'Extra check', position: 2.5 };
    const m = buildMatrix(runs, [...steps.filter((s) => s.id !== 'R-1/cb-qa'), extra], new Map(), new Map());
    expect(m.columns.slice(0, 4).map((c) => c.number)).toEqual(['1', '1.1', '1.2', '1.2a']);
    expect(m.rows[0]?.cells[3]).toBeNull();
    expect(m.rows[3]?.cells[3]?.stepId).toBe('R-4/x');
    expect(m.rows[0]?.cells.at(-1)).toBeNull();
    expect(cellText(null)).toBe('No such step');
  });
});

describe('the matrix as CSV', () => {
  it('starts with a byte-order mark and reads back as the same rows, commas and quotes included', () => {
    const { batch, runs, steps, audit } = snapshot(plantAfterBatchStart());
    const tricky: Run[] = runs.map((r, i) => (i === 0 ? { ...r, unitSerial: 'SN, "quoted"' } : r));
    const matrix = buildMatrix(tricky, steps, leftOutCells(batch, steps, audit), new Map());
    const rows = matrixCsvRows(matrix, matrix.rows);
    expect(rows[0]?.slice(0, 5)).toEqual(['Run', 'Unit serial', 'Status', 'Steps done', '1 Kit and inspect']);
    expect(rows[3]?.slice(0, 5)).toEqual(['R-3', 'SN-R-3', 'On hold', `0 of ${String(runs[2]?.stepsTotal)}`, 'On hold · Left out']);
    const csv = toCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(rows);
  });
});
