import { applyOperation } from '../../../shared/engine/apply';
import { instantiateRun } from '../../../shared/engine/instantiate';
import { applyChanges, stateFrom } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { CacheChange } from '../../../renderer/src/store/cacheChanges';
import { enqueue } from '../../../renderer/src/store/enqueue';
import { openStationDb } from '../../../renderer/src/store/open';
import { seedCache } from '../../../renderer/src/store/seed';
import { seenFor } from '../../../renderer/src/store/seen';
import { boardV1, users } from '../../shared/fixtures';

/**
 * The station store measured in a real browser's IndexedDB (this page is built only for the
 * benchmarks, never into the station). Each function returns milliseconds per sample.
 */
const ids = Array.from({ length: 101 }, (_, i) => `R-${String(i + 1)}`);
const at = '2026-11-26T08:00:00.000Z';
let counter = 0;
const envelope = () => ({ id: `bench-${String(++counter)}-${String(Math.random()).slice(2)}`, stationId: 'ST-B', actorId: users.sup.id, at });

async function plantDb(name: string, batched: boolean) {
  indexedDB.deleteDatabase(name);
  const db = await openStationDb(name);
  const made = ids.map((runId) => instantiateRun(boardV1, { runId, title: runId, unitSerial: runId, at }));
  let state = stateFrom({ runs: made.map((m) => m.run), steps: made.flatMap((m) => m.steps), users: Object.values(users) });
  if (batched) {
    const batch: Operation = { ...envelope(), kind: 'createBatch', batchId: 'B-1', title: null, runIds: ids };
    state = applyChanges(state, applyOperation(state, batch).changes);
  }
  const rows: CacheChange[] = [
    ...[...state.runs.values()].map((row) => ({ entity: 'run' as const, op: 'put' as const, row })),
    ...[...state.steps.values()].map((row) => ({ entity: 'runStep' as const, op: 'put' as const, row })),
    ...[...state.batches.values()].map((row) => ({ entity: 'batch' as const, op: 'put' as const, row })),
    ...[...state.users.values()].map((row) => ({ entity: 'user' as const, op: 'put' as const, row })),
  ];
  await seedCache(db, rows);
  return db;
}

/** Sign-off of one step propagating to 100 sibling runs: check, outbox and effects, durably. Also the raw write of the same records. */
async function signOff100(samples: number): Promise<{ enqueueMs: number[]; rawMs: number[] }> {
  const db = await plantDb('bench-signoff', true);
  const enqueueMs: number[] = [];
  const rawMs: number[] = [];
  const steps = boardV1.steps.map((s) => s.originStepId);
  for (let i = 0; i < samples; i++) {
    // Alternate hold and release on the first step: each propagates to the 100 siblings.
    const stepId = `R-1/${steps[0] ?? ''}`;
    const base = { ...envelope(), runId: 'R-1', stepId, seen: await seenFor(db, 'R-1', stepId) };
    const op: Operation = i % 2 === 0 ? { ...base, kind: 'hold', reason: 'Bench' } : { ...base, kind: 'release' };
    const started = performance.now();
    const result = await enqueue(db, op);
    enqueueMs.push(performance.now() - started);
    if (!result.ok || result.outcome.propagatedTo.length !== 100) throw new Error('the operation did not reach 100 siblings');
    // The raw reference: the same records written in one strict transaction, nothing else.
    const [runs, stepsRows, audit] = await Promise.all([db.runs.bulkGet(ids), db.runSteps.bulkGet(ids.map((r) => `${r}/${steps[0] ?? ''}`)), db.audit.limit(101).toArray()]);
    // Past Dexie (its middlewares, the write token's among them), as the label says: IndexedDB alone.
    const rawStarted = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction(['runs', 'runSteps', 'audit', 'outbox'], 'readwrite', { durability: 'strict' });
      for (const run of runs) if (run) tx.objectStore('runs').put(run);
      for (const step of stepsRows) if (step) tx.objectStore('runSteps').put(step);
      for (const entry of audit) tx.objectStore('audit').put({ ...entry, id: `${entry.id}-raw-${String(i)}` });
      tx.objectStore('outbox').put({ seq: 1_000_000 + i, id: `raw-${String(i)}`, op });
      tx.oncomplete = () => {
        resolve();
      };
      tx.onabort = () => {
        reject(tx.error ?? new Error('the raw write aborted'));
      };
    });
    rawMs.push(performance.now() - rawStarted);
  }
  db.close();
  return { enqueueMs, rawMs };
}

/** One operation saved durably with `pending` operations already in the outbox. */
async function enqueueWithPending(pending: number, samples: number): Promise<number[]> {
  const db = await plantDb(`bench-enqueue-${String(pending)}`, false);
  const stepId = `R-2/${boardV1.steps[0]?.originStepId ?? ''}`;
  const filler: Operation = { ...envelope(), kind: 'start', runId: 'R-2', stepId, seen: { stepVersion: 0, batchId: null, batchMembers: [] } };
  for (let start = 0; start < pending; start += 10_000) {
    await db.outbox.bulkAdd(Array.from({ length: Math.min(10_000, pending - start) }, (_, i) => ({ seq: start + i + 1, id: `filler-${String(start + i)}`, op: filler })));
  }
  await db.meta.put({ key: 'nextSeq', value: pending + 1 });
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const base = { ...envelope(), runId: 'R-2', stepId, seen: await seenFor(db, 'R-2', stepId) };
    const op: Operation = i % 2 === 0 ? { ...base, kind: 'hold', reason: 'Bench' } : { ...base, kind: 'release' };
    const started = performance.now();
    const result = await enqueue(db, op);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(result.outcome.reason);
  }
  db.close();
  return times;
}

declare global {
  interface Window {
    lockstepBench: { signOff100: typeof signOff100; enqueueWithPending: typeof enqueueWithPending };
  }
}
window.lockstepBench = { signOff100, enqueueWithPending };
