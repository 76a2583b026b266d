import { describe, expect, it } from 'vitest';
import { boardV1, harness, Plant } from './fixtures';

const three = () => {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  return plant;
};

describe('batch propagation', () => {
  it('propagates a sign-off to the sibling step of every batched run', () => {
    const plant = three();
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toEqual({
      status: 'applied',
      note: null,
      propagatedTo: [
        { runId: 'R-2', stepId: 'R-2/inspect' },
        { runId: 'R-3', stepId: 'R-3/inspect' },
      ],
    });
    for (const run of ['R-1', 'R-2', 'R-3']) expect(plant.step(run, 'inspect').state).toBe('complete');
  });

  it('propagates start, skip, fail, hold, release and reopen to siblings', () => {
    const plant = three();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    expect(['R-2', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['in_progress', 'in_progress']);
    plant.must(plant.stepOp('hold', 'R-2', 'inspect', { reason: 'Fixture missing' }));
    expect(['R-1', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['hold', 'hold']);
    plant.must(plant.stepOp('release', 'R-3', 'inspect', {}));
    expect(['R-1', 'R-2'].map((r) => plant.step(r, 'inspect').state)).toEqual(['in_progress', 'in_progress']);
    plant.must(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Wrong revision of boards' }));
    expect(['R-2', 'R-3'].map((r) => plant.step(r, 'inspect'))).toMatchObject([
      { state: 'failed', lastReason: 'Wrong revision of boards' },
      { state: 'failed', lastReason: 'Wrong revision of boards' },
    ]);
    plant.must(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'Right boards found' }, 'sup'));
    expect(['R-2', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['todo', 'todo']);
    plant.must(plant.stepOp('skip', 'R-2', 'inspect', { reason: 'Inspected at receiving' }));
    expect(['R-1', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['skipped', 'skipped']);
  });

  it('changes only the current run for a step that has no siblings', () => {
    const plant = new Plant([
      { procedure: boardV1, ids: ['R-1', 'R-2'] },
      { procedure: { ...boardV1, id: 'P-100@3', version: 3, steps: boardV1.steps.filter((s) => s.originStepId === 'inspect') }, ids: ['R-9'] },
    ]);
    plant.batch('B-1', ['R-1', 'R-9']);
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome.status).toBe('applied');
    // "connector" exists only in R-1's procedure here: nothing else moves.
    plant.must(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-1', lot: null, quantity: 1 }));
    const own = plant.must(plant.stepOp('signOff', 'R-1', 'connector', { meaning: 'performed', fieldValues: {} }));
    expect(own.outcome).toEqual({
      status: 'applied_with_exclusions',
      note: null,
      propagatedTo: [],
      excluded: [{ runId: 'R-9', stepId: null, reason: 'No sibling of step 2 "Install connector" in run R-9', review: false }],
    });
    expect(own.changes.flatMap((c) => (c.entity === 'runStep' ? [c.row.runId] : []))).toEqual(['R-1']);
  });

  it('checks each sibling on its own: one that cannot take the change is excluded with the reason, the others proceed', () => {
    const plant = three();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    // Fail R-3's step on its own while it is out of the batch, then bring it back.
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    plant.must(plant.stepOp('fail', 'R-3', 'inspect', { reason: 'Scratched' }));
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toEqual({
      status: 'applied_with_exclusions',
      note: null,
      propagatedTo: [{ runId: 'R-2', stepId: 'R-2/inspect' }],
      excluded: [{ runId: 'R-3', stepId: 'R-3/inspect', reason: 'Cannot sign off step 1 "Inspect board": it is failed', review: false }],
    });
    expect(plant.step('R-3', 'inspect').state).toBe('failed');
  });

  it('carries shared field values with the sign-off but makes each run fill its per-unit fields', () => {
    const plant = new Plant();
    for (const r of ['R-1', 'R-2', 'R-3']) plant.prepareUpTo(r, 'solder');
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    plant.must(plant.stepOp('start', 'R-1', 'solder', {}));
    plant.must(plant.stepOp('signOff', 'R-1', 'rail', { meaning: 'performed', fieldValues: {} }));
    plant.must(plant.stepOp('enterFields', 'R-2', 'voltage', { values: { volts: 5.02 } }));
    const voltage = plant.must(plant.stepOp('signOff', 'R-1', 'voltage', { meaning: 'performed', fieldValues: { volts: 4.98 } }));
    expect(voltage.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [{ runId: 'R-2', stepId: 'R-2/voltage' }],
      excluded: [{ runId: 'R-3', reason: 'Fill in Rail voltage first', review: false }],
    });
    expect(plant.step('R-2', 'voltage').fieldValues).toEqual({ volts: 5.02 });
    expect(plant.step('R-3', 'voltage')).toMatchObject({ state: 'todo', fieldValues: {} });

    plant.must(plant.stepOp('enterFields', 'R-3', 'voltage', { values: { volts: 5.0 } }));
    plant.must(plant.stepOp('signOff', 'R-3', 'voltage', { meaning: 'performed', fieldValues: {} }));
    plant.must(plant.stepOp('signOff', 'R-1', 'solder', { meaning: 'performed', fieldValues: {} }));
    const torque = plant.must(plant.stepOp('signOff', 'R-1', 'torque', { meaning: 'performed', fieldValues: { setting: 12 } }));
    expect(torque.outcome.status).toBe('applied');
    expect(['R-2', 'R-3'].map((r) => plant.step(r, 'torque').fieldValues)).toEqual([{ setting: 12 }, { setting: 12 }]);
  });

  it('never cascades a field entry: values are entered per run', () => {
    const plant = three();
    const result = plant.must(plant.stepOp('enterFields', 'R-1', 'inspect', { values: {} }));
    expect(result.outcome.status).toBe('applied');
    expect(plant.step('R-2', 'inspect').version).toBe(0);
  });

  it('propagates to runs of another version of the same procedure through their shared steps', async () => {
    const { boardV2 } = await import('./fixtures');
    const plant = new Plant([
      { procedure: boardV1, ids: ['R-1'] },
      { procedure: boardV2, ids: ['R-2'] },
    ]);
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(plant.step('R-2', 'inspect').state).toBe('complete');
  });

  it('never reaches a run outside the batch', () => {
    const plant = new Plant([
      { procedure: boardV1, ids: ['R-1', 'R-2', 'R-3'] },
      { procedure: harness, ids: ['H-1'] },
    ]);
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(plant.step('R-3', 'inspect').state).toBe('todo');
  });
});
