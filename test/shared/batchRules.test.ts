import { describe, expect, it } from 'vitest';
import { batchLabel } from '../../shared/schemas/batch';
import { boardV1, harness, Plant } from './fixtures';

const mixed = () =>
  new Plant([
    { procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4'] },
    { procedure: harness, ids: ['H-1'] },
  ]);

describe('batch membership rules', () => {
  it('creates a batch from selected runs: each run points at it and the batch lists them in order', () => {
    const plant = mixed();
    const result = plant.must(plant.batchOp('createBatch', { batchId: 'B-7', runIds: ['R-2', 'R-1'], title: null }));
    expect(result.outcome).toEqual({ status: 'applied', note: null, propagatedTo: [] });
    expect(plant.state.batches.get('B-7')).toMatchObject({ id: 'B-7', title: null, memberRunIds: ['R-2', 'R-1'], createdBy: 'u-sup' });
    expect(plant.run('R-1').batchId).toBe('B-7');
    expect(plant.run('R-2').batchId).toBe('B-7');
  });

  it('refuses to batch runs that share no sibling steps, and says why', () => {
    const plant = mixed();
    const result = plant.apply(plant.batchOp('createBatch', { batchId: 'B-7', runIds: ['R-1', 'H-1'], title: null }));
    expect(result.outcome).toEqual({
      status: 'rejected',
      code: 'batch_rule',
      reason: 'Runs R-1 and H-1 share no steps: runs without sibling steps cannot be batched together',
    });
    expect(plant.run('R-1').batchId).toBeNull();
  });

  it('keeps a run in one batch at a time', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2'], 'Lot 42');
    const result = plant.apply(plant.batchOp('createBatch', { batchId: 'B-2', runIds: ['R-2', 'R-3'], title: null }));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'batch_rule', reason: 'Run R-2 is already in Batch B-1: Lot 42' });
    plant.batch('B-2', ['R-3', 'R-4']);
    const move = plant.apply(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    expect(move.outcome).toEqual({ status: 'rejected', code: 'batch_rule', reason: 'Run R-3 is already in Batch B-2' });
  });

  it('adds runs to a batch, skipping members, refusing runs with no shared steps', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    const same = plant.apply(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-1'] }));
    expect(same.outcome).toEqual({ status: 'applied', note: 'Already in Batch B-1', propagatedTo: [] });
    const noShared = plant.apply(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['H-1'] }));
    expect(noShared.outcome).toMatchObject({ status: 'rejected', code: 'batch_rule' });
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-1', 'R-3', 'R-4'] }));
    expect(plant.state.batches.get('B-1')?.memberRunIds).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });

  it('takes part in propagation only from the moment a run joins: nothing is back-filled', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    expect(plant.step('R-3', 'inspect').state).toBe('todo');
    plant.must(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(plant.step('R-3', 'connector').state).toBe('todo'); // R-3's inspect is not done: excluded
    plant.must(plant.stepOp('signOff', 'R-3', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(plant.step('R-1', 'inspect').state).toBe('complete');
  });

  it('removes a run, which keeps every sign-off it gathered and continues on its own', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const before = plant.step('R-2', 'inspect');
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-2' }));
    expect(plant.run('R-2').batchId).toBeNull();
    expect(plant.step('R-2', 'inspect')).toEqual(before);
    expect(plant.signatures.filter((s) => s.runId === 'R-2')).toHaveLength(1);
    plant.must(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(plant.step('R-2', 'connector').state).toBe('todo');
    expect(plant.step('R-3', 'connector').state).toBe('in_progress');
  });

  it('says "This run is no longer in a batch." when removing a run that already left', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-2' }));
    const again = plant.apply(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-2' }));
    expect(again.outcome).toEqual({ status: 'applied', note: 'This run is no longer in a batch.', propagatedTo: [] });
  });

  it('refuses to remove a run while one of its steps is in redline', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-2' }));
    plant.must(plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Clarify lighting' }, 'eng'));
    const result = plant.apply(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    expect(result.outcome).toEqual({
      status: 'rejected',
      code: 'batch_rule',
      reason: 'Run R-3 cannot leave its batch while step 1 "Inspect board" is in redline',
    });
    const all = plant.apply(plant.batchOp('unbatchAll', { batchId: 'B-1' }));
    expect(all.outcome).toMatchObject({ status: 'rejected', code: 'batch_rule' });
  });

  it('dissolves the batch when its last run leaves', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-1' }));
    const last = plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-2' }));
    expect(last.changes).toContainEqual({ entity: 'batch', op: 'delete', id: 'B-1' });
    expect(plant.state.batches.has('B-1')).toBe(false);
  });

  it('unbatches every run and dissolves the batch', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const result = plant.must(plant.batchOp('unbatchAll', { batchId: 'B-1' }));
    expect(result.changes).toContainEqual({ entity: 'batch', op: 'delete', id: 'B-1' });
    expect(['R-1', 'R-2', 'R-3'].map((r) => plant.run(r).batchId)).toEqual([null, null, null]);
    expect(['R-2', 'R-3'].map((r) => plant.step(r, 'inspect').state)).toEqual(['complete', 'complete']);
    const gone = plant.apply(plant.batchOp('unbatchAll', { batchId: 'B-1' }));
    expect(gone.outcome).toEqual({ status: 'rejected', code: 'unknown_batch', reason: 'Batch B-1 does not exist any more' });
  });

  it('sets, renames and clears the title shown as "Batch {id}: {title}"', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.batchOp('renameBatch', { batchId: 'B-1', title: 'Night shift' }));
    const batch = plant.state.batches.get('B-1');
    expect(batch && batchLabel(batch)).toBe('Batch B-1: Night shift');
    const same = plant.apply(plant.batchOp('renameBatch', { batchId: 'B-1', title: 'Night shift' }));
    expect(same.outcome).toEqual({ status: 'applied', note: 'The batch already has this title', propagatedTo: [] });
    plant.must(plant.batchOp('renameBatch', { batchId: 'B-1', title: '' }));
    const cleared = plant.state.batches.get('B-1');
    expect(cleared && batchLabel(cleared)).toBe('Batch B-1');
  });

  it('refuses a batch id that exists, and unknown runs or batches', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    expect(plant.apply(plant.batchOp('createBatch', { batchId: 'B-1', runIds: ['R-3', 'R-4'], title: null })).outcome).toMatchObject({
      code: 'already_exists',
    });
    expect(plant.apply(plant.batchOp('createBatch', { batchId: 'B-2', runIds: ['R-3', 'R-404'], title: null })).outcome).toEqual({
      status: 'rejected',
      code: 'unknown_run',
      reason: 'Run R-404 does not exist',
    });
    expect(plant.apply(plant.batchOp('renameBatch', { batchId: 'B-404', title: 'x' })).outcome).toMatchObject({ code: 'unknown_batch' });
  });

  it('audits each membership change per run and per batch', () => {
    const plant = mixed();
    plant.batch('B-1', ['R-1', 'R-2']);
    expect(plant.audit.map((a) => [a.action, a.runId, a.batchId])).toEqual([
      ['createBatch', null, 'B-1'],
      ['createBatch', 'R-1', 'B-1'],
      ['createBatch', 'R-2', 'B-1'],
    ]);
  });
});
