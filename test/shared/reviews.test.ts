import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { loadScope, type ScopeNeeds, type ScopeRows } from '../../shared/engine/scope';
import { emptyState, type EngineState } from '../../shared/engine/state';
import type { OperationOf, ReviewAction } from '../../shared/schemas/operation';
import type { Review } from '../../shared/schemas/review';
import { Plant, users, type Who } from './fixtures';

/** A batch of three whose third run leaves while a stale batched sign-off is on its way. */
function leftOutSignOff() {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  const signOff = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'verified', fieldValues: {} });
  plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  const result = plant.apply(signOff);
  return { plant, signOff, result, reviewId: `${signOff.id}~R-3` };
}

function review(plant: Plant, id: string): Review {
  const row = plant.state.reviews.get(id);
  if (!row) throw new Error(`no review ${id}`);
  return row;
}

let resolutions = 0;
function resolve(plant: Plant, reviewId: string, action: ReviewAction, who: Who = 'sup'): OperationOf<'resolveReview'> {
  resolutions += 1;
  return {
    id: `resolve-${String(resolutions)}`,
    stationId: 'ST-2',
    actorId: users[who].id,
    at: plant.now(),
    kind: 'resolveReview',
    reviewId,
    action,
    reason: `Decided: ${action}`,
  };
}

describe('review items raised by the engine', () => {
  it('an operation that needs review raises one review row on its step, with both sides and who acted', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    const fail = plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const result = plant.apply(fail);
    expect(result.outcome.status).toBe('needs_review');
    expect(review(plant, `${fail.id}~R-1`)).toEqual({
      id: `${fail.id}~R-1`,
      operationId: fail.id,
      kind: 'stale_step',
      reason: 'Cannot fail step 1 "Inspect board": it is complete: it changed after you saw it',
      runId: 'R-1',
      stepId: 'R-1/inspect',
      batchId: null,
      operation: fail,
      serverSide: { state: 'complete', version: 2, by: 'Ana Ortiz' },
      actorId: 'u-tech2',
      actorName: 'Ben Okafor',
      stationId: 'ST-1',
      at: fail.at,
      resolution: null,
      version: 1,
    });
  });

  it('every run a propagated change left out for review gets a left_out review on its sibling step', () => {
    const { plant, signOff, result, reviewId } = leftOutSignOff();
    expect(result.outcome).toMatchObject({ status: 'applied_with_exclusions', excluded: [{ runId: 'R-3', review: true }] });
    expect(review(plant, reviewId)).toMatchObject({
      kind: 'left_out',
      runId: 'R-3',
      stepId: 'R-3/inspect',
      batchId: 'B-1',
      operation: signOff,
      serverSide: { state: 'todo', version: 0, by: null },
      resolution: null,
    });
    expect(plant.step('R-3', 'inspect').state).toBe('todo');
  });

  it('a sibling excluded without review (it cannot take the change) raises no review', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    plant.batch('B-1', ['R-1', 'R-2']);
    const result = plant.must(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(result.outcome).toMatchObject({ status: 'applied_with_exclusions', excluded: [{ runId: 'R-2', review: false }] });
    expect(plant.state.reviews.size).toBe(0);
  });
});

describe('resolving a review item', () => {
  it('needs the ResolveReview permission', () => {
    const { plant, reviewId } = leftOutSignOff();
    const result = plant.apply(resolve(plant, reviewId, 'acceptServer', 'tech'));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the ResolveReview permission' });
    expect(review(plant, reviewId).resolution).toBeNull();
  });

  it('an unknown review item is rejected', () => {
    const plant = new Plant();
    const result = plant.apply(resolve(plant, 'op-404~R-1', 'acceptServer'));
    expect(result).toEqual({ outcome: { status: 'rejected', code: 'unknown_review', reason: 'Review item op-404~R-1 does not exist' }, changes: [] });
  });

  it('acceptServer records the decision and its audit entry and leaves the step as it is', () => {
    const { plant, reviewId } = leftOutSignOff();
    const before = plant.step('R-3', 'inspect');
    const op = resolve(plant, reviewId, 'acceptServer');
    const result = plant.apply(op);
    expect(result.outcome).toEqual({ status: 'applied', note: null, propagatedTo: [] });
    expect(plant.step('R-3', 'inspect')).toBe(before);
    expect(review(plant, reviewId)).toMatchObject({
      version: 2,
      resolution: { action: 'acceptServer', reason: 'Decided: acceptServer', byId: 'u-sup', byName: 'Chen Wei', at: op.at, operationId: op.id },
    });
    expect(plant.audit.at(-1)).toMatchObject({
      operationId: op.id,
      action: 'resolveReview',
      actorName: 'Chen Wei',
      runId: 'R-3',
      stepId: 'R-3/inspect',
      fromState: 'todo',
      toState: 'todo',
      reason: 'Decided: acceptServer',
      detail: { reviewId, decision: 'acceptServer', kind: 'left_out' },
    });
  });

  it('the first decision wins: a second one applies with a note and changes nothing', () => {
    const { plant, reviewId } = leftOutSignOff();
    const first = resolve(plant, reviewId, 'acceptServer');
    plant.must(first);
    const decided = review(plant, reviewId);
    const second = plant.apply(resolve(plant, reviewId, 'applyToRun', 'eng'));
    expect(second).toEqual({
      outcome: { status: 'applied', note: `Already resolved by Chen Wei at ${first.at}`, propagatedTo: [] },
      changes: [],
    });
    expect(review(plant, reviewId)).toBe(decided);
  });

  it('applyToRun signs the left-out step as propagation would have: original signer, meaning, time, with provenance', () => {
    const { plant, signOff, reviewId } = leftOutSignOff();
    const op = resolve(plant, reviewId, 'applyToRun');
    plant.must(op);
    expect(plant.step('R-3', 'inspect')).toMatchObject({ state: 'complete', completion: { signerName: 'Ana Ortiz', signedAt: signOff.at } });
    expect(plant.signatures.at(-1)).toMatchObject({
      runId: 'R-3',
      stepId: 'R-3/inspect',
      signerId: 'u-tech',
      signerName: 'Ana Ortiz',
      meaning: 'verified',
      signedAt: signOff.at,
      operationId: op.id,
      provenance: { batchId: 'B-1', fromRunId: 'R-1', fromStepId: 'R-1/inspect' },
    });
    expect(plant.audit.slice(-2).map((a) => [a.action, a.actorName, a.toState])).toEqual([
      ['signOff', 'Ana Ortiz', 'complete'],
      ['resolveReview', 'Chen Wei', 'complete'],
    ]);
    expect(plant.run('R-3').stepsDone).toBe(1);
    expect(review(plant, reviewId).resolution?.action).toBe('applyToRun');
  });

  it("applyToRun is refused with the engine's reason when the step's state does not allow it; the item stays open", () => {
    const { plant, reviewId } = leftOutSignOff();
    plant.must(plant.stepOp('start', 'R-3', 'inspect', {}));
    plant.must(plant.stepOp('fail', 'R-3', 'inspect', { reason: 'Scratched' }));
    const result = plant.apply(resolve(plant, reviewId, 'applyToRun'));
    expect(result).toEqual({
      outcome: { status: 'rejected', code: 'invalid_transition', reason: 'Cannot sign off step 1 "Inspect board": it is failed' },
      changes: [],
    });
    expect(review(plant, reviewId).resolution).toBeNull();
  });

  it('applyToRun on a stale operation applies it to its own step now, as its author did it', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    const fail = plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Waiting for QA' }));
    expect(plant.apply(fail).outcome.status).toBe('needs_review');
    plant.must(plant.stepOp('release', 'R-1', 'inspect', {}));
    plant.must(resolve(plant, `${fail.id}~R-1`, 'applyToRun'));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'failed', lastReason: 'Cracked' });
    expect(plant.audit.at(-2)).toMatchObject({ action: 'fail', actorName: 'Ben Okafor', provenance: null });
  });

  it('reopen reopens the step with the reason, through the reopen rules', () => {
    const { plant, reviewId } = leftOutSignOff();
    plant.must(plant.stepOp('signOff', 'R-3', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const op = resolve(plant, reviewId, 'reopen');
    plant.must(op);
    expect(plant.step('R-3', 'inspect')).toMatchObject({ state: 'todo', completion: null, lastReason: 'Decided: reopen' });
    expect(plant.audit.slice(-2).map((a) => [a.action, a.actorName, a.fromState, a.toState])).toEqual([
      ['reopen', 'Chen Wei', 'complete', 'todo'],
      ['resolveReview', 'Chen Wei', 'complete', 'todo'],
    ]);
  });

  it('reopen is refused when the step cannot be reopened, and the item stays open', () => {
    const { plant, reviewId } = leftOutSignOff();
    plant.must(plant.stepOp('start', 'R-3', 'inspect', {}));
    const result = plant.apply(resolve(plant, reviewId, 'reopen'));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'invalid_transition', reason: 'Cannot reopen step 1 "Inspect board": it is in progress' });
    expect(review(plant, reviewId).resolution).toBeNull();
  });
});

/** A store that answers scope requests from a whole plant. */
function storeOf(state: EngineState) {
  const pick = <T>(map: ReadonlyMap<string, T>, ids: readonly string[]) => ids.flatMap((id) => map.get(id) ?? []);
  return (needs: ScopeNeeds): ScopeRows => {
    const runs = pick(state.runs, needs.runIds);
    return {
      runs,
      steps: runs.flatMap((r) => pick(state.steps, r.stepIds)),
      batches: pick(state.batches, needs.batchIds),
      users: pick(state.users, needs.userIds),
      reviews: pick(state.reviews, needs.reviewIds),
    };
  };
}

describe('the slice a review needs', () => {
  it('a stale batched operation loads the runs that left the batch, so their reviews name their steps', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const signOff = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'verified', fieldValues: {} });
    plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    const slice = loadScope(signOff, storeOf(plant.state), emptyState());
    expect(slice.runs.has('R-3')).toBe(true);
    expect(applyOperation(slice, signOff)).toEqual(applyOperation(plant.state, signOff));
  });

  it('a resolveReview loads the review, both runs and the original author: the same outcome as over the whole plant', () => {
    const { plant, reviewId } = leftOutSignOff();
    const op = resolve(plant, reviewId, 'applyToRun');
    const slice = loadScope(op, storeOf(plant.state), emptyState());
    expect([...slice.reviews.keys()]).toEqual([reviewId]);
    expect([...slice.users.keys()].sort()).toEqual(['u-sup', 'u-tech']);
    expect(applyOperation(slice, op)).toEqual(applyOperation(plant.state, op));
  });
});
