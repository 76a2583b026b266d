import { describe, expect, it } from 'vitest';
import type { CacheChange } from '../../renderer/src/store/cacheChanges';
import type { StationDb } from '../../renderer/src/store/db';
import { enqueue } from '../../renderer/src/store/enqueue';
import { stepById, stepsById, stepsOfRuns } from '../../renderer/src/store/runSteps';
import { seedCache } from '../../renderer/src/store/seed';
import { applyServerPage } from '../../renderer/src/store/serverPage';
import { boardV1, Plant } from '../shared/fixtures';
import { emptyStation } from './stationCache';

/**
 * A station cache as a new station has it after its bootstrap: the procedure, the runs and the
 * people, and no step rows (the feed carries none for pristine steps).
 */
async function pristineStation(plant: Plant): Promise<StationDb> {
  const { db } = await emptyStation();
  const rows: CacheChange[] = [
    { entity: 'procedure', op: 'put', row: boardV1 },
    ...[...plant.state.runs.values()].map((row) => ({ entity: 'run' as const, op: 'put' as const, row })),
    ...[...plant.state.users.values()].map((row) => ({ entity: 'user' as const, op: 'put' as const, row })),
  ];
  await seedCache(db, rows);
  return db;
}

const refused = (operationId: string) => ({
  changes: [],
  outcomes: [{ operationId, outcome: { status: 'rejected' as const, code: 'permission_denied' as const, reason: 'No' }, feedSeq: null }],
  cursor: 0,
});

describe('a run\'s steps: stored rows, else pristine copies of the procedure', () => {
  it('derives every step of a run the cache holds no step rows for, equal to the run\'s instantiation', async () => {
    const plant = new Plant();
    const db = await pristineStation(plant);
    expect(await db.runSteps.count()).toBe(0);
    const [steps] = await stepsOfRuns(db, [plant.run('R-1')]);
    expect(steps).toEqual(plant.run('R-1').stepIds.map((id) => plant.state.steps.get(id)));
    expect(await stepById(db, 'R-2/inspect')).toEqual(plant.step('R-2', 'inspect'));
    expect(await stepsById(db, ['R-9/inspect', 'R-1/no-such-step', 'R-3/inspect'])).toEqual([undefined, undefined, plant.step('R-3', 'inspect')]);
  });

  it('refuses to read a run whose procedure the cache lacks, rather than show it with steps missing', async () => {
    const plant = new Plant();
    const { db } = await emptyStation();
    await seedCache(db, [{ entity: 'run', op: 'put', row: plant.run('R-1') }]);
    await expect(stepsOfRuns(db, [plant.run('R-1')])).rejects.toThrow(/holds run R-1 but not its procedure/);
  });

  it('takes a stored row over the pristine copy, and keeps the run\'s order', async () => {
    const plant = new Plant();
    const db = await pristineStation(plant);
    const changed = { ...plant.step('R-1', 'inspect'), state: 'complete' as const, version: 1 };
    await seedCache(db, [{ entity: 'runStep', op: 'put', row: changed }]);
    const [steps] = await stepsOfRuns(db, [plant.run('R-1')]);
    expect(steps?.map((s) => s.id)).toEqual(plant.run('R-1').stepIds);
    expect(steps?.find((s) => s.id === changed.id)).toEqual(changed);
    expect(await stepById(db, changed.id)).toEqual(changed);
  });

  it('shadows "no row" for an optimistic change to a pristine step: a refusal returns the step to pristine', async () => {
    const plant = new Plant();
    const db = await pristineStation(plant);
    const pristine = plant.step('R-1', 'inspect');
    const op = plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Parts missing' });
    const saved = await enqueue(db, op);
    expect(saved.ok).toBe(true);
    expect((await stepById(db, pristine.id))?.state).toBe('hold');
    expect(await db.shadows.get(`runStep:${pristine.id}`)).toMatchObject({ entity: 'runStep', id: pristine.id, row: null });
    await applyServerPage(db, refused(op.id));
    expect(await db.runSteps.count()).toBe(0);
    expect(await stepById(db, pristine.id)).toEqual(pristine);
    expect(await db.shadows.count()).toBe(0);
  });
});
