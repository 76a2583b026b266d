import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { loadScope, loadScopeAsync, loadScopeInto, type ScopeNeeds, type ScopeRows } from '../../shared/engine/scope';
import { emptyState, type EngineState } from '../../shared/engine/state';
import { boardV1, harness, Plant } from './fixtures';

/** A store that answers scope requests from a whole plant, and remembers what it was asked. */
function storeOf(state: EngineState) {
  const asked: ScopeNeeds[] = [];
  const load = (needs: ScopeNeeds): ScopeRows => {
    asked.push(needs);
    const runs = needs.runIds.flatMap((id) => {
      const run = state.runs.get(id);
      return run ? [run] : [];
    });
    return {
      runs,
      steps: runs.flatMap((r) => r.stepIds.map((id) => state.steps.get(id)).filter((s) => s !== undefined)),
      batches: needs.batchIds.flatMap((id) => {
        const b = state.batches.get(id);
        return b ? [b] : [];
      }),
      users: needs.userIds.flatMap((id) => {
        const u = state.users.get(id);
        return u ? [u] : [];
      }),
      reviews: needs.reviewIds.flatMap((id) => {
        const r = state.reviews.get(id);
        return r ? [r] : [];
      }),
    };
  };
  return { asked, load };
}

describe('loading the slice an operation needs', () => {
  const plant = new Plant([
    { procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4'] },
    { procedure: harness, ids: ['H-1'] },
    { procedure: boardV1, ids: ['R-5', 'R-6'] },
  ]);
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  plant.batch('B-2', ['R-5', 'R-6']);

  it('loads the actor, the run, its batch and every member: the same outcome as over the whole plant', () => {
    const op = plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'performed', fieldValues: {} });
    const store = storeOf(plant.state);
    const slice = loadScope(op, store.load, emptyState());
    expect([...slice.runs.keys()].sort()).toEqual(['R-1', 'R-2', 'R-3']);
    expect(applyOperation(slice, op)).toEqual(applyOperation(plant.state, op));
    expect(store.asked).toEqual([
      { runIds: ['R-2'], batchIds: [], userIds: ['u-tech'], reviewIds: [] },
      { runIds: [], batchIds: ['B-1'], userIds: [], reviewIds: [] },
      { runIds: ['R-1', 'R-3'], batchIds: [], userIds: [], reviewIds: [] },
    ]);
  });

  it('asks for a missing id once and lets the engine refuse it', async () => {
    const op = { ...plant.stepOp('start', 'R-1', 'inspect', {}), runId: 'R-404', actorId: 'u-404' };
    const store = storeOf(plant.state);
    const slice = await loadScopeAsync(op, (needs) => Promise.resolve(store.load(needs)), emptyState());
    expect(store.asked).toEqual([{ runIds: ['R-404'], batchIds: [], userIds: ['u-404'], reviewIds: [] }]);
    expect(applyOperation(slice, op).outcome).toMatchObject({ code: 'unknown_user' });
  });

  it('for batch operations, loads the named batch and its members', () => {
    const op = plant.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-4'] });
    const slice = loadScope(op, storeOf(plant.state).load, emptyState());
    expect([...slice.runs.keys()].sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
    expect(applyOperation(slice, op)).toEqual(applyOperation(plant.state, op));
  });

  it('into a cache that already holds another batch, asks only for what the operation reaches', () => {
    // The server's cache of one push: every batch its earlier operations touched stays in it.
    const store = storeOf(plant.state);
    const cache = emptyState();
    loadScopeInto(plant.stepOp('start', 'R-5', 'inspect', {}), store.load, cache);
    store.asked.length = 0;
    const op = plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'performed', fieldValues: {} });
    loadScopeInto(op, store.load, cache);
    expect(store.asked).toEqual([
      { runIds: ['R-2'], batchIds: [], userIds: [], reviewIds: [] },
      { runIds: [], batchIds: ['B-1'], userIds: [], reviewIds: [] },
      { runIds: ['R-1', 'R-3'], batchIds: [], userIds: [], reviewIds: [] },
    ]);
    expect(applyOperation(cache, op)).toEqual(applyOperation(plant.state, op));
  });
});
