import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import { previewOperation } from '../../renderer/src/actions/preview';
import { submit } from '../../renderer/src/actions/submit';
import { readPendingOperations } from '../../renderer/src/errors/pendingExport';
import { openStationDb } from '../../renderer/src/store/open';
import { stepsOfRuns } from '../../renderer/src/store/runSteps';
import { seenFor, seenOnScreen } from '../../renderer/src/store/seen';
import { NewerCacheError } from '../../renderer/src/store/open';
import { demoStation, emptyStation } from './stationCache';

async function signOff(db: Awaited<ReturnType<typeof demoStation>>, id: string): Promise<Extract<Operation, { kind: 'signOff' }>> {
  return {
    kind: 'signOff',
    id,
    stationId: 'ST-K7QM',
    actorId: 'u-chen',
    at: '2026-02-01T08:00:00.000Z',
    runId: 'R-1005',
    stepId: 'R-1005/cb-smt-place',
    seen: await seenFor(db, 'R-1005', 'R-1005/cb-smt-place'),
    meaning: 'performed',
    fieldValues: {},
  };
}

describe('acting at the station', () => {
  it('previews what a batched change will do without writing anything', async () => {
    const db = await demoStation();
    const outcome = await previewOperation(db, await signOff(db, 'op-preview'));
    expect(outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [{ runId: 'R-1006' }, { runId: 'R-1007' }, { runId: 'R-1008' }],
      excluded: [
        { runId: 'R-1009', reason: 'Install 1 more of MCU-STM32G4 first' },
        { runId: 'R-1010', reason: 'Cannot sign off step 2.2 "Place components": it is on hold' },
      ],
    });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.runSteps.get('R-1006/cb-smt-place'))?.state).toBe('todo');
  });

  it("records as seen, from the run view's rows, what the cache holds for the step and its batch", async () => {
    const db = await demoStation();
    // The rows the run view reads for R-1005 (useRunData): its steps and its batch.
    const run = await db.runs.get('R-1005');
    if (!run?.batchId) throw new Error('the demo run R-1005 is batched');
    const [steps] = await stepsOfRuns(db, [run]);
    const step = steps?.find((s) => s.id === 'R-1005/cb-smt-place');
    if (!step) throw new Error('R-1005 has the step 2.2');
    const seen = seenOnScreen(step, await db.batches.get(run.batchId));
    expect(seen).toEqual(await seenFor(db, 'R-1005', 'R-1005/cb-smt-place'));
    expect(seen.batchMembers).toContain('R-1006');
    expect(seenOnScreen(step, undefined)).toEqual({ stepVersion: step.version, batchId: null, batchMembers: [] });
  });

  it('submits an operation durably, and refuses a malformed or invalid one with its reason and no write', async () => {
    const db = await demoStation();
    expect(await submit(db, await signOff(db, 'op-1'))).toMatchObject({ ok: true, outcome: { status: 'applied_with_exclusions' } });
    expect(await db.outbox.count()).toBe(1);

    const skip = { ...(await signOff(db, 'op-2')), kind: 'skip', reason: '   ' } as unknown as Operation;
    expect(await submit(db, skip)).toEqual({ ok: false, reason: 'reason: a reason is required' });
    const again = await submit(db, { ...(await signOff(db, 'op-3')), stepId: 'R-1005/cb-qa' });
    expect(again).toMatchObject({ ok: false });
    expect(await db.outbox.count()).toBe(1);
  });

  it('reads the pending operations of a cache it cannot open, for the export', async () => {
    const { db, factory, name } = await emptyStation();
    await db.outbox.add({ seq: 1, id: 'op-a', op: { kind: 'unbatchAll' } as unknown as Operation });
    db.close();
    // A newer Lockstep moved the database on.
    await new Promise<void>((resolve) => {
      const request = factory.open(name, 990);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expect(openStationDb(name, { indexedDB: factory, IDBKeyRange })).rejects.toBeInstanceOf(NewerCacheError);
    expect(await readPendingOperations(name, factory)).toEqual({ ok: true, entries: [{ seq: 1, id: 'op-a', op: { kind: 'unbatchAll' } }] });
    expect(await readPendingOperations('never-made', factory)).toEqual({ ok: true, entries: [] });
  });
});
