import { describe, expect, it } from 'vitest';
import { AuditEntry } from '../../shared/schemas/audit';
import { Batch } from '../../shared/schemas/batch';
import { Review } from '../../shared/schemas/review';
import { ProcedureVersion } from '../../shared/schemas/procedure';
import { Run, RunStep } from '../../shared/schemas/run';
import { Signature } from '../../shared/schemas/signature';
import { User } from '../../shared/schemas/users';
import { seedBulkRuns } from '../../renderer/src/demo/bulkRuns';
import { stepsOfRuns } from '../../renderer/src/store/runSteps';
import { buildDemoPlant, demoFixture } from '../../renderer/src/demo/demoPlant';
import { seedDemoIfEmpty } from '../../renderer/src/demo/seedDemo';
import { emptyStation } from './stationCache';

const plant = buildDemoPlant();
const rowsOf = (entity: string) => plant.rows.filter((c) => c.entity === entity && c.op === 'put').map((c) => ('row' in c ? c.row : null));

describe('the demo plant', () => {
  it('is the same every time it is built', () => {
    expect(JSON.stringify(buildDemoPlant().rows)).toBe(JSON.stringify(plant.rows));
  });

  it('holds a few hundred runs of three procedures in every state, all rows valid', () => {
    const schemas = { run: Run, runStep: RunStep, batch: Batch, signature: Signature, audit: AuditEntry, procedure: ProcedureVersion, user: User, review: Review } as const;
    for (const [entity, schema] of Object.entries(schemas)) {
      for (const row of rowsOf(entity)) expect(schema.safeParse(row).success, `${entity} ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
    }
    const runs = rowsOf('run') as Run[];
    expect(runs.length).toBeGreaterThanOrEqual(250);
    const statuses = new Set(runs.map((r) => r.status));
    for (const s of ['todo', 'in_progress', 'hold', 'redline', 'failed', 'complete'] as const) expect(statuses).toContain(s);
    const steps = rowsOf('runStep') as RunStep[];
    expect(new Set(steps.map((s) => s.state))).toEqual(new Set(['todo', 'in_progress', 'hold', 'redline', 'complete', 'failed', 'skipped']));
    expect((rowsOf('user') as User[]).map((u) => u.role)).toEqual(expect.arrayContaining(['technician', 'supervisor', 'engineer', 'admin']));
    const signatures = rowsOf('signature') as Signature[];
    expect(signatures.some((s) => s.originStepId.endsWith('-qa') && s.signerId === 'u-chen' && s.meaning === 'approved')).toBe(true);
    expect(signatures.some((s) => s.provenance?.batchId === 'B-101')).toBe(true);
  });

  it('holds a few open review items, raised through the engine: runs left out of a batched action, and a stale fail', () => {
    const reviews = rowsOf('review') as Review[];
    expect(reviews.map((r) => [r.kind, r.resolution])).toEqual([
      ['left_out', null],
      ['left_out', null],
      ['stale_step', null],
    ]);
    const runs = new Map((rowsOf('run') as Run[]).map((r) => [r.id, r]));
    for (const r of reviews.filter((x) => x.kind === 'left_out')) {
      expect(r).toMatchObject({ batchId: 'B-105', stepId: expect.stringContaining(r.runId) as string });
      expect(runs.get(r.runId)?.batchId).toBeNull();
    }
    expect(reviews[2]?.serverSide).toMatchObject({ state: 'complete' });
  });

  it('keeps batch membership both ways: each batch lists its runs and each run names its batch', () => {
    const runs = rowsOf('run') as Run[];
    const batches = rowsOf('batch') as Batch[];
    expect(batches.map((b) => b.id).sort()).toEqual(['B-101', 'B-102', 'B-103', 'B-104', 'B-105']);
    for (const b of batches) for (const id of b.memberRunIds) expect(runs.find((r) => r.id === id)?.batchId).toBe(b.id);
    for (const r of runs.filter((x) => x.batchId !== null)) expect(batches.find((b) => b.id === r.batchId)?.memberRunIds).toContain(r.id);
  });

  it('sets up the documented fixture', () => {
    const runs = new Map((rowsOf('run') as Run[]).map((r) => [r.id, r]));
    const steps = new Map((rowsOf('runStep') as RunStep[]).map((s) => [s.id, s]));
    for (const id of demoFixture.freeControllers) expect(runs.get(id)).toMatchObject({ batchId: null, status: 'todo', procedureVersionId: 'P-CB220@3' });
    expect(runs.get(demoFixture.freeHarness)).toMatchObject({ batchId: null, procedureVersionId: 'P-MH48@2' });
    const line2 = (rowsOf('batch') as Batch[]).find((b) => b.id === 'B-101');
    expect(line2).toMatchObject({ title: 'Line 2 morning', memberRunIds: demoFixture.line2.runIds });
    expect(steps.get('R-1005/cb-smt-place')).toMatchObject({ state: 'todo' });
    expect(steps.get('R-1005/cb-smt-place')?.installs).toHaveLength(2);
    expect(steps.get('R-1009/cb-smt-place')?.installs).toHaveLength(0);
    expect(steps.get('R-1010/cb-smt-place')).toMatchObject({ state: 'hold' });
  });

  it('is seeded into an empty cache only, and bulk runs top the cache up to the number asked', async () => {
    const { db } = await emptyStation();
    expect(await seedDemoIfEmpty(db)).toBe(true);
    expect(await seedDemoIfEmpty(db)).toBe(false);
    const before = await db.runs.count();
    const progress: number[] = [];
    expect(await seedBulkRuns(db, before + 300, (done) => progress.push(done))).toBe(300);
    expect(await db.runs.count()).toBe(before + 300);
    expect(progress.at(-1)).toBe(300);
    expect(await seedBulkRuns(db, before + 300, () => undefined)).toBe(0);
    const bulk = await db.runs.get('R-200001');
    expect(bulk?.stepIds).toHaveLength(6);
    // Only changed steps are stored; the run's steps read through runSteps.ts are all six, pristine or not.
    const bulkRuns = (await db.runs.where(':id').between('R-200001', 'R-200301').toArray());
    const stored = await db.runSteps.where('runId').anyOf(bulkRuns.map((r) => r.id)).toArray();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.state !== 'todo')).toBe(true);
    const read = await stepsOfRuns(db, bulkRuns);
    expect(read.map((steps) => steps.length)).toEqual(bulkRuns.map(() => 6));
    expect(read.flat().filter((s) => s.state !== 'todo').length).toBe(stored.length);
  });
});
