import { describe, expect, it } from 'vitest';
import { siblingKey } from '../../shared/engine/siblings';
import { Plant } from './fixtures';

const batched = () => {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  return plant;
};

describe('redlines', () => {
  it('opens, edits and finishes a redline across the batch: the steps stay siblings', () => {
    const plant = batched();
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Add a magnifier check' }, 'eng'));
    expect(['R-1', 'R-2', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['redline', 'redline', 'redline']);
    expect(plant.run('R-2').status).toBe('redline');
    plant.must(plant.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { instructions: 'Inspect under 10x magnification.' } }, 'eng'));
    expect(plant.step('R-3', 'inspect').redline?.draft.instructions).toBe('Inspect under 10x magnification.');
    expect(plant.step('R-3', 'inspect').instructions).toBe('Do inspect board.');
    plant.must(plant.stepOp('redlineFinish', 'R-1', 'inspect', {}, 'eng'));
    const steps = ['R-1', 'R-2', 'R-3'].map((r) => plant.step(r, 'inspect'));
    expect(steps.map((s) => [s.state, s.instructions])).toEqual([
      ['todo', 'Inspect under 10x magnification.'],
      ['todo', 'Inspect under 10x magnification.'],
      ['todo', 'Inspect under 10x magnification.'],
    ]);
    expect(new Set(steps.map(siblingKey)).size).toBe(1);
    plant.must(plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(plant.step('R-1', 'inspect').state).toBe('complete');
  });

  it('the trail keeps what a finished redline changed, in full, on every step it reached', () => {
    const plant = batched();
    const open = plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Add a magnifier check' }, 'eng');
    plant.must(open);
    plant.must(plant.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { instructions: 'Use 10x.' } }, 'eng'));
    const finish = plant.stepOp('redlineFinish', 'R-1', 'inspect', {}, 'eng');
    plant.must(finish);
    const entries = plant.audit.filter((a) => a.operationId === finish.id);
    expect(entries.map((e) => e.runId)).toEqual(['R-1', 'R-2', 'R-3']);
    expect(entries[1]?.detail).toEqual({
      before: { title: 'Inspect board', instructions: 'Do inspect board.', fields: [] },
      after: { title: 'Inspect board', instructions: 'Use 10x.', fields: [] },
      lineage: { from: 'P-100', to: `P-100>${finish.id}` },
      reason: 'Add a magnifier check',
      openedBy: 'Dana Levi',
    });
    expect(entries[1]?.provenance).toEqual({ batchId: 'B-1', fromRunId: 'R-1', fromStepId: 'R-1/inspect' });
  });

  it('a step redlined in one run only is no longer a sibling', () => {
    const plant = batched();
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    plant.must(plant.stepOp('redlineOpen', 'R-3', 'inspect', { reason: 'Local fix' }, 'eng'));
    plant.must(plant.stepOp('redlineEdit', 'R-3', 'inspect', { changes: { title: 'Inspect board (rework)' } }, 'eng'));
    plant.must(plant.stepOp('redlineFinish', 'R-3', 'inspect', {}, 'eng'));
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [{ runId: 'R-2' }],
      excluded: [{ runId: 'R-3', stepId: null, reason: 'No sibling of step 1 "Inspect board" in run R-3' }],
    });
  });

  it('cancelling a redline restores the step as it was', () => {
    const plant = batched();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    const before = plant.step('R-2', 'inspect');
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Maybe' }, 'eng'));
    plant.must(plant.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'Something else' } }, 'eng'));
    plant.must(plant.stepOp('redlineCancel', 'R-1', 'inspect', {}, 'eng'));
    const after = plant.step('R-2', 'inspect');
    expect({ ...after, version: 0, updatedAt: '', lastReason: null }).toEqual({ ...before, version: 0, updatedAt: '', lastReason: null });
    expect(after.state).toBe('in_progress');
  });

  it('a step in redline cannot be completed or failed', () => {
    const plant = batched();
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Fix' }, 'eng'));
    expect(plant.apply(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} })).outcome).toMatchObject({
      code: 'invalid_transition',
    });
    expect(plant.apply(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'x' })).outcome).toMatchObject({ code: 'invalid_transition' });
  });

  it('a failed step can go to redline', () => {
    const plant = batched();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Instruction wrong' }));
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Correct the instruction' }, 'eng'));
    expect(plant.step('R-2', 'inspect').redline?.restoreState).toBe('failed');
  });

  it('only engineers may redline: a technician is told the missing permission', () => {
    const plant = batched();
    const result = plant.apply(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Fix' }, 'tech'));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the EditRedline permission' });
  });

  it('a second redline of the same step made apart needs review and overwrites nothing', () => {
    const plant = batched();
    const first = plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Station 1 fix' }, 'eng');
    const second = { ...plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Station 2 fix' }, 'admin'), stationId: 'ST-2' };
    plant.must(first);
    const before = plant.step('R-1', 'inspect');
    const result = plant.apply(second);
    expect(result.outcome).toEqual({
      status: 'needs_review',
      code: 'concurrent_redline',
      reason: 'Step 1 "Inspect board" is already in a redline opened by Dana Levi',
      current: { state: 'redline', version: 1, by: 'Dana Levi' },
    });
    expect(plant.step('R-1', 'inspect')).toEqual(before);
  });

  it('an edit made without seeing the latest draft needs review', () => {
    const plant = batched();
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Fix' }, 'eng'));
    const stale = plant.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'From station 2' } }, 'admin');
    plant.must(plant.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'From station 1' } }, 'eng'));
    const result = plant.apply(stale);
    expect(result.outcome).toMatchObject({ status: 'needs_review', code: 'concurrent_redline' });
    expect(plant.step('R-1', 'inspect').redline?.draft.title).toBe('From station 1');
  });

  it('finishing a redline that removed a field drops that field\'s value', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'torque');
    plant.must(plant.stepOp('enterFields', 'R-1', 'torque', { values: { setting: 12 } }));
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'torque', { reason: 'Setting checked elsewhere' }, 'eng'));
    plant.must(plant.stepOp('redlineEdit', 'R-1', 'torque', { changes: { fields: [] } }, 'eng'));
    plant.must(plant.stepOp('redlineFinish', 'R-1', 'torque', {}, 'eng'));
    expect(plant.step('R-1', 'torque')).toMatchObject({ fields: [], fieldValues: {}, state: 'todo' });
  });
});
