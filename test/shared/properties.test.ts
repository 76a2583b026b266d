import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation } from '../../shared/engine/apply';
import { instantiateRun } from '../../shared/engine/instantiate';
import { areSiblings } from '../../shared/engine/siblings';
import { applyChanges, stateFrom, type EngineState } from '../../shared/engine/state';
import type { Change } from '../../shared/schemas/change';
import type { Operation } from '../../shared/schemas/operation';
import { Outcome } from '../../shared/schemas/outcome';
import type { ProcedureStep, ProcedureVersion } from '../../shared/schemas/procedure';
import type { RunStep } from '../../shared/schemas/run';
import { T0, users } from './fixtures';
import { build, commandArb, type Command } from './randomOps';

/**
 * Properties of the engine over random procedures, batches and operation sequences. Operations
 * are built the way stations build them, from a view of the plant that is sometimes stale (an
 * offline station), so conflicts, exclusions and refusals all occur.
 */

const ORIGINS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

const procedureArb = (id: string, procedureId: fc.Arbitrary<string>) =>
  fc
    .record({
      procedureId,
      origins: fc.shuffledSubarray(ORIGINS, { minLength: 2, maxLength: 6 }),
      shape: fc.array(
        fc.record({
          parent: fc.nat(),
          nested: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
          deps: fc.array(fc.nat(), { maxLength: 1 }),
          field: fc.constantFrom('none', 'shared', 'perUnit'),
          part: fc.constantFrom('none', 'none', 'plain', 'serial'),
          qa: fc.boolean(),
        }),
        { minLength: 6, maxLength: 6 },
      ),
    })
    .map(({ procedureId: pid, origins, shape }): ProcedureVersion => {
      const steps: ProcedureStep[] = origins.map((origin, i) => {
        const s = shape[i] ?? shape[0];
        if (!s) throw new Error('shape');
        const earlier = origins.slice(0, i);
        const parent = s.nested && i > 0 ? (earlier[s.parent % i] ?? null) : null;
        return {
          originStepId: origin,
          number: String(i + 1),
          parentOriginStepId: parent,
          title: `Step ${origin}`,
          instructions: `Do ${origin}`,
          fields:
            s.field === 'none'
              ? []
              : [{ id: `${origin}-f`, label: `F ${origin}`, kind: 'number', required: true, perUnit: s.field === 'perUnit', min: 0, max: 10 }],
          dependsOn: i === 0 ? [] : [...new Set(s.deps.map((d) => earlier[d % i] ?? origin))].filter((d) => d !== parent && d !== origin),
          buildRequirements:
            s.part === 'none' ? [] : [{ id: `${origin}-req`, partNumber: `PN-${origin}`, quantity: 1, tracking: s.part === 'serial' ? 'serial' : 'none' }],
          signoffRole: s.qa ? 'supervisor' : 'technician',
        };
      });
      return { id, procedureId: pid, name: id, version: 1, status: 'released', steps };
    });

const scenarioArb = fc
  .record({
    a: procedureArb('PA', fc.constant('P')),
    b: procedureArb('PB', fc.constantFrom('P', 'Q')),
    runs: fc.array(fc.boolean(), { minLength: 2, maxLength: 5 }),
    commands: fc.array(commandArb, { minLength: 1, maxLength: 40 }),
  })
  .map(({ a, b, runs, commands }) => {
    const made = runs.map((useB, i) =>
      instantiateRun(useB ? b : a, { runId: `R-${String(i + 1)}`, title: `Run ${String(i + 1)}`, unitSerial: `SN-${String(i)}`, at: new Date(T0).toISOString() }),
    );
    const plant = stateFrom({ runs: made.map((m) => m.run), steps: made.flatMap((m) => m.steps), users: Object.values(users) });
    return { initial: withStartingBatch(plant, made.map((m) => m.run.id)), commands };
  });

/** Most plants start with their runs batched, so that propagation is the common case. */
function withStartingBatch(state: EngineState, runIds: string[]): EngineState {
  for (const ids of [runIds, runIds.slice(0, 2)]) {
    const op = { id: 'op-batch', stationId: 'ST-0', actorId: users.admin.id, at: new Date(T0).toISOString(), kind: 'createBatch' as const, batchId: 'B-0', title: null, runIds: ids };
    const result = applyOperation(state, op);
    if (result.changes.length > 0) return applyChanges(state, result.changes);
  }
  return state;
}

interface Step {
  op: Operation;
  before: EngineState;
  after: EngineState;
  result: ReturnType<typeof applyOperation>;
}

/** Runs a scenario, keeping every state so that stale views and replays can be formed. */
function play(initial: EngineState, commands: readonly Command[]): Step[] {
  const history: EngineState[] = [initial];
  const steps: Step[] = [];
  commands.forEach((cmd, i) => {
    const before = history[history.length - 1] ?? initial;
    const view = history[Math.max(0, history.length - 1 - cmd.lag)] ?? initial;
    const op = build(view, cmd, i);
    const result = applyOperation(before, op);
    const after = applyChanges(before, result.changes);
    history.push(after);
    steps.push({ op, before, after, result });
  });
  return steps;
}

const changedSteps = (changes: readonly Change[]) => changes.flatMap((c) => (c.entity === 'runStep' ? [c.row] : []));

/**
 * What siblings must agree on after a propagated change: the state, the lineage and the redline
 * session. Their content (title, fields) agrees after whenever it agreed before: runs of different
 * procedure versions may word a shared step differently, and a redline edits each copy alike.
 */
const shared = (s: RunStep) => ({
  state: s.state,
  lineage: s.lineage,
  redlineSession: s.redline?.operationId ?? null,
});
const content = (s: RunStep) => ({ title: s.title, instructions: s.instructions, fields: s.fields, draft: s.redline?.draft ?? null });

/** Values of fields both steps have and neither fills per unit: these travel with a sign-off. */
function sharedValues(a: RunStep, b: RunStep) {
  const ids = a.fields.filter((f) => !f.perUnit && b.fields.some((g) => g.id === f.id && !g.perUnit)).map((f) => f.id);
  return [Object.fromEntries(ids.map((id) => [id, a.fieldValues[id]])), Object.fromEntries(ids.map((id) => [id, b.fieldValues[id]]))];
}

/** More with PROPERTY_RUNS=5000 for a longer search; a failure prints its seed and path to replay it. */
const runs = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 300) };

// PROPERTY_RUNS can make a test run for minutes: the timeout follows.
describe('engine properties over random plants and operation sequences', { timeout: 600_000 }, () => {
  it('every operation gets exactly one well-formed outcome, and writes only when applied (a review only its review row)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, result } of play(initial, commands)) {
          expect(Outcome.safeParse(result.outcome).success).toBe(true);
          if (result.outcome.status === 'rejected') expect(result.changes).toEqual([]);
          if (result.outcome.status === 'needs_review') {
            expect(result.changes.map((c) => [c.entity, c.entity === 'review' ? c.row.id : null])).toEqual([['review', `${op.id}~${'runId' in op ? op.runId : ''}`]]);
          }
        }
      }),
      runs,
    );
  });

  it('siblings end in identical states after a propagated change', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, before, after, result } of play(initial, commands)) {
          if (!('stepId' in op) || !('propagatedTo' in result.outcome)) continue;
          const source = after.steps.get(op.stepId);
          const sourceBefore = before.steps.get(op.stepId);
          if (!source || !sourceBefore) throw new Error('source step vanished');
          for (const ref of result.outcome.propagatedTo) {
            const sibling = after.steps.get(ref.stepId);
            const siblingBefore = before.steps.get(ref.stepId);
            if (!sibling || !siblingBefore) throw new Error('sibling vanished');
            // Copying a part line changes no state: siblings keep the states they had.
            if (op.kind !== 'applyBuildRequirementToBatch') expect(shared(sibling)).toEqual(shared(source));
            if (JSON.stringify(content(siblingBefore)) === JSON.stringify(content(sourceBefore))) {
              expect(content(sibling)).toEqual(content(source));
            }
            if (op.kind === 'signOff') {
              const [mine, theirs] = sharedValues(source, sibling);
              expect(theirs).toEqual(mine);
            }
            if (op.kind === 'applyBuildRequirementToBatch') {
              expect(sibling.buildRequirements.filter((r) => r.copiedFrom === op.requirementId)).toHaveLength(1);
            }
          }
        }
      }),
      runs,
    );
  });

  it('a change reaches only the target and true siblings in runs that were in the batch then and now', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, before, result } of play(initial, commands)) {
          if (!('stepId' in op) || !('propagatedTo' in result.outcome)) continue;
          const target = before.steps.get(op.stepId);
          if (!target) throw new Error('target step missing');
          const reached = new Set(result.outcome.propagatedTo.map((r) => r.stepId));
          for (const step of changedSteps(result.changes)) {
            if (step.id === target.id) continue;
            expect(reached.has(step.id)).toBe(true);
            const was = before.steps.get(step.id);
            expect(was && areSiblings(target, was)).toBe(true);
            expect(op.seen.batchMembers).toContain(step.runId);
            expect(before.runs.get(step.runId)?.batchId).toBe(before.runs.get(target.runId)?.batchId);
          }
          // A step with no sibling in the batch never changes another run.
          const batchId = before.runs.get(target.runId)?.batchId ?? null;
          const hasSibling = [...before.steps.values()].some(
            (s) => areSiblings(target, s) && batchId !== null && before.runs.get(s.runId)?.batchId === batchId,
          );
          if (!hasSibling) {
            for (const c of result.changes) if (c.entity === 'runStep' || c.entity === 'run') expect(c.row.id.startsWith(target.runId)).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  // Applying twice may raise a review (the step moved: by the first application). Stores apply an
  // operation id once; what matters here is that the plant's rows and every existing review stay put.
  it('applying an operation twice leaves the plant as applying it once, and changes no existing review', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, after } of play(initial, commands)) {
          const again = applyChanges(after, applyOperation(after, op).changes);
          expect({ ...again, reviews: null }).toEqual({ ...after, reviews: null });
          for (const [id, review] of after.reviews) expect(again.reviews.get(id)).toBe(review);
        }
      }),
      runs,
    );
  });

  it('removing a run from its batch never alters its history', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, before, after, result } of play(initial, commands)) {
          if (op.kind !== 'removeRunFromBatch' && op.kind !== 'unbatchAll') continue;
          for (const run of after.runs.values()) {
            for (const stepId of run.stepIds) expect(after.steps.get(stepId)).toBe(before.steps.get(stepId));
          }
          expect(result.changes.filter((c) => c.entity === 'signature' || c.entity === 'runStep')).toEqual([]);
        }
      }),
      runs,
    );
  });

  it('replaying the accepted operations from the start reproduces the state and the outcomes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        const steps = play(initial, commands);
        const accepted = steps.filter((s) => s.result.changes.length > 0);
        let state = initial;
        for (const s of accepted) {
          const replay = applyOperation(state, s.op);
          expect(replay).toEqual(s.result);
          state = applyChanges(state, replay.changes);
        }
        expect(state).toEqual(steps[steps.length - 1]?.after ?? initial);
      }),
      runs,
    );
  });

  it('every run a propagated change left out for review gets one open review row, and a resolution is never overwritten', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        for (const { op, before, after, result } of play(initial, commands)) {
          if (result.outcome.status === 'applied_with_exclusions') {
            for (const e of result.outcome.excluded.filter((x) => x.review)) {
              expect(after.reviews.get(`${op.id}~${e.runId}`)).toMatchObject({ kind: 'left_out', runId: e.runId, operationId: op.id });
            }
          }
          for (const [id, was] of before.reviews) {
            if (was.resolution) expect(after.reviews.get(id)).toBe(was);
          }
        }
      }),
      runs,
    );
  });

  it('keeps batch membership consistent both ways, one batch per run, and evidence ids unique', () => {
    fc.assert(
      fc.property(scenarioArb, ({ initial, commands }) => {
        const evidence = new Set<string>();
        for (const { after, result } of play(initial, commands)) {
          for (const batch of after.batches.values()) {
            expect(batch.memberRunIds.length).toBeGreaterThan(0);
            for (const id of batch.memberRunIds) expect(after.runs.get(id)?.batchId).toBe(batch.id);
          }
          for (const run of after.runs.values()) {
            if (run.batchId !== null) expect(after.batches.get(run.batchId)?.memberRunIds).toContain(run.id);
          }
          for (const c of result.changes) {
            if (c.entity !== 'signature' && c.entity !== 'audit') continue;
            const key = `${c.entity}:${c.row.id}`;
            expect(evidence.has(key)).toBe(false);
            evidence.add(key);
          }
        }
      }),
      runs,
    );
  });
});
