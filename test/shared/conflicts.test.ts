import { describe, expect, it } from 'vitest';
import { Plant } from './fixtures';

/** Two stations acting apart: operations built from the same view, applied in turn. */
describe('conflicts between what the author saw and what the engine has', () => {
  it('a fail against a step someone else already completed needs review; only the review row is written', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    const complete = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const fail = plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    plant.must(complete);
    const before = plant.state;
    const result = plant.apply(fail);
    expect(result.outcome).toEqual({
      status: 'needs_review',
      code: 'stale_step',
      reason: 'Cannot fail step 1 "Inspect board": it is complete: it changed after you saw it',
      current: { state: 'complete', version: 2, by: 'Ana Ortiz' },
    });
    expect(plant.state.steps).toBe(before.steps);
    expect(plant.state.runs).toBe(before.runs);
    expect(result.changes.map((c) => c.entity)).toEqual(['review']);
  });

  it('the same fail against a step the author saw complete is simply rejected', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const result = plant.apply(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }));
    expect(result.outcome).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
  });

  it('two sign-offs of the same step: the second is a no-op that names who got there first', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    const a = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const b = plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'performed', fieldValues: {} }, 'tech2');
    plant.must(a);
    const result = plant.apply(b);
    expect(result.outcome).toMatchObject({ status: 'applied', note: expect.stringContaining('already complete by Ana Ortiz') as string });
    expect(plant.signatures).toHaveLength(2);
  });

  it('a change still valid after someone else moved the step applies (start then sign-off from another station)', () => {
    const plant = new Plant();
    const signOff = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }, 'tech2');
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    expect(plant.apply(signOff).outcome.status).toBe('applied');
  });

  it('reaches only runs in the batch both when the technician acted and now: a run that left is listed for review', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const offline = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    const result = plant.must(offline);
    expect(result.outcome).toEqual({
      status: 'applied_with_exclusions',
      note: null,
      propagatedTo: [{ runId: 'R-2', stepId: 'R-2/inspect' }],
      excluded: [
        { runId: 'R-3', stepId: null, reason: 'Left Batch B-1 before this change reached the server: a supervisor decides', review: true },
      ],
    });
    expect(plant.step('R-3', 'inspect').state).toBe('todo');
  });

  it('a run that joined after the technician acted is not touched', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    const offline = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    const result = plant.must(offline);
    expect(result.outcome).toMatchObject({ status: 'applied', propagatedTo: [{ runId: 'R-2' }] });
    expect(plant.step('R-3', 'inspect').state).toBe('todo');
  });

  it('an operation made before the run was batched does not propagate', () => {
    const plant = new Plant();
    const offline = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(offline);
    expect(plant.step('R-2', 'inspect').state).toBe('todo');
  });

  it('when the batch was dissolved in between, every run the technician meant is listed for review', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const offline = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    plant.must(plant.batchOp('unbatchAll', { batchId: 'B-1' }));
    const result = plant.must(offline);
    expect(result.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [],
      excluded: [{ runId: 'R-2', review: true }, { runId: 'R-3', review: true }],
    });
  });
});
