import { describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import { submit } from '../../renderer/src/actions/submit';
import { overlayCommitted } from '../../renderer/src/run/committedOverlay';
import type { RunData } from '../../renderer/src/run/useRunData';
import type { CommittedRows } from '../../renderer/src/store/committedRows';
import type { StationDb } from '../../renderer/src/store/db';
import { stepsOfRuns } from '../../renderer/src/store/runSteps';
import { seenFor } from '../../renderer/src/store/seen';
import { abortedTitleWrite, demoStation } from './stationCache';

const runId = 'R-1005';
const stepId = 'R-1005/cb-smt-place';

async function signOff(db: StationDb): Promise<Operation> {
  return {
    kind: 'signOff',
    id: 'op-drawn',
    stationId: 'ST-K7QM',
    actorId: 'u-chen',
    at: '2026-02-01T08:00:00.000Z',
    runId,
    stepId,
    seen: await seenFor(db, runId, stepId),
    meaning: 'performed',
    fieldValues: {},
  };
}

/** The run view's rows as useRunData reads them (what the overlay is drawn over). */
async function runData(db: StationDb): Promise<RunData> {
  const run = await db.runs.get(runId);
  if (!run) throw new Error(`the demo plant has ${runId}`);
  const [steps] = await stepsOfRuns(db, [run]);
  const shadows = await db.shadows.bulkGet(run.stepIds.map((id) => `runStep:${id}`));
  return {
    run,
    steps: steps ?? [],
    batch: undefined,
    procedure: undefined,
    signatures: [],
    audit: [],
    runPending: (await db.shadows.get(`run:${runId}`)) !== undefined,
    pendingSteps: new Set(run.stepIds.filter((_, i) => shadows[i] !== undefined)),
  };
}

function collect(db: StationDb): CommittedRows[] {
  const seen: CommittedRows[] = [];
  db.committedRows.listen((rows) => seen.push(rows));
  return seen;
}

describe('a committed change drawn before the run view re-reads it', () => {
  it('reports a sign-off once, after commit, and draws exactly what a re-read then shows', async () => {
    const db = await demoStation();
    const before = await runData(db);
    const seen = collect(db);
    const result = await submit(db, await signOff(db));
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(1);
    const [rows] = seen;
    if (!rows) throw new Error('one transaction reported');
    expect(rows.steps.get(stepId)).toBeDefined();
    expect(rows.shadowed.has(`runStep:${stepId}`)).toBe(true);

    const drawn = overlayCommitted(before, rows);
    const after = await runData(db);
    expect(drawn?.steps).toEqual(after.steps);
    expect(drawn?.run).toEqual(after.run);
    expect(drawn?.pendingSteps).toEqual(after.pendingSteps);
    expect(drawn?.steps.find((s) => s.id === stepId)?.state).not.toBe(before.steps.find((s) => s.id === stepId)?.state);
  });

  it('reports nothing for a transaction that aborts', async () => {
    const db = await demoStation();
    const seen = collect(db);
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`the demo plant has ${runId}`);
    await abortedTitleWrite(db, run);
    expect(seen).toEqual([]);
    expect((await db.runs.get(runId))?.title).toBe(run.title);
  });

  it('leaves the run view to its re-read for other runs, deleted steps and emptied stores', async () => {
    const db = await demoStation();
    const data = await runData(db);
    const none = { runs: new Map(), steps: new Map(), shadowed: new Set<string>(), unshadowed: new Set<string>(), cleared: false };
    const step = data.steps[0];
    if (!step) throw new Error('the run has steps');
    expect(overlayCommitted(data, { ...none, steps: new Map([['R-9999/x', { ...step, id: 'R-9999/x' }]]) })).toBeNull();
    expect(overlayCommitted(data, { ...none, steps: new Map([[step.id, null]]) })).toBeNull();
    expect(overlayCommitted(data, { ...none, steps: new Map([[step.id, step]]), cleared: true })).toBeNull();
    expect(overlayCommitted(data, { ...none, runs: new Map([[runId, { ...data.run, batchId: 'B-other' }]]) })).toBeNull();
  });

  it("clears a step's pending mark when the server's answer removes its shadow", async () => {
    const db = await demoStation();
    const data = await runData(db);
    const step = data.steps[0];
    if (!step) throw new Error('the run has steps');
    const pending = { ...data, pendingSteps: new Set([step.id]) };
    const confirmed = overlayCommitted(pending, { runs: new Map(), steps: new Map(), shadowed: new Set(), unshadowed: new Set([`runStep:${step.id}`]), cleared: false });
    expect(confirmed?.pendingSteps.has(step.id)).toBe(false);
    expect(confirmed?.steps).toEqual(data.steps);
  });
});
