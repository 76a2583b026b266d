import { describe, expect, it } from 'vitest';
import { stepById, stepsOfRuns } from '../../renderer/src/store/runSteps';
import type { Run, RunStep } from '../../shared/schemas/run';
import { boardV1, Plant } from '../shared/fixtures';
import { serverWithStations } from './serverWithStations';

/**
 * Pristine steps are implicit (docs/sync.md): the feed names a run when it is created, not its
 * steps, and a station derives a step it holds no row for from the run and its procedure. Checked
 * against the server's own SQLite rows, over real HTTP.
 */
describe('pristine steps against the real server', () => {
  const ops = new Plant([{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'] }]);
  const plant = serverWithStations();
  const { station, head } = plant;

  const serverSteps = (): Map<string, RunStep> => {
    const rows = plant.server.store.db.prepare<[], { body: string }>('SELECT body FROM run_steps').all();
    return new Map(rows.map((r) => {
      const step = JSON.parse(r.body) as RunStep;
      return [step.id, step] as const;
    }));
  };
  const runStepEntries = () => plant.server.store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM feed WHERE entity = 'runStep'").get()?.n;

  it('bootstraps without step rows, and derives every step equal to the server\'s row', async () => {
    expect(runStepEntries()).toBe(0);
    const a = await station('a');
    expect(await a.db.runSteps.count()).toBe(0);
    const runs = await a.db.runs.toArray();
    const derived = (await stepsOfRuns(a.db, runs)).flat();
    const server = serverSteps();
    expect(derived.length).toBe(server.size);
    for (const step of derived) expect(step).toEqual(server.get(step.id));
    expect(await stepById(a.db, 'R-6/inspect')).toEqual(server.get('R-6/inspect'));
  });

  it('stores a step once the server changes it: the stored row wins, its siblings stay derived', async () => {
    const a = await station('a');
    const b = await station('b');
    expect((await a.act(ops.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }))).ok).toBe(true);
    await a.settled(head);
    await b.settled(head);
    expect(runStepEntries()).toBe(1);
    expect(await b.db.runSteps.toCollection().primaryKeys()).toEqual(['R-1/inspect']);
    const server = serverSteps();
    const run = (await b.db.runs.get('R-1')) as Run;
    const [steps] = await stepsOfRuns(b.db, [run]);
    expect(steps?.find((s) => s.id === 'R-1/inspect')).toMatchObject({ state: 'complete', version: 1 });
    expect(steps).toEqual(run.stepIds.map((id) => server.get(id)));
  });
});
