import { holdsRole } from '../domain/permissions';
import type { FieldValue } from '../schemas/procedure';
import type { RunStep, StepState } from '../schemas/run';
import { capital, stateWord, stepLabel } from './describe';
import { refuse, type Plan, type StepAction, type StepContext } from './plan';
import {
  availability,
  childrenDone,
  missingInstalls,
  signOffFieldProblems,
  valueProblems,
  type Refusal,
} from './stepChecks';

/** A state move allowed from `from`; `same` says when the step already is where the move leads. */
function move(step: RunStep, verb: string, from: readonly StepState[], to: StepState, same: boolean): Plan {
  if (same) return { kind: 'same', note: alreadyNote(step) };
  if (!from.includes(step.state)) {
    return refuse('invalid_transition', `Cannot ${verb} ${stepLabel(step)}: it is ${stateWord(step.state)}`, true);
  }
  return { kind: 'change', next: { ...step, state: to } };
}

function alreadyNote(step: RunStep): string {
  const who = step.completion ? ` by ${step.completion.signerName} at ${step.completion.signedAt}` : '';
  return `${capital(stepLabel(step))} is already ${stateWord(step.state)}${step.state === 'complete' ? who : ''}`;
}

const fromRefusal = (r: Refusal | null): Plan | null => (r ? refuse(r.code, r.reason) : null);

const start: StepAction<'start'> = {
  permission: 'StartStep',
  propagates: true,
  plan(step, ctx) {
    return fromRefusal(step.state === 'todo' ? availability(ctx.draft, step) : null) ??
      move(step, 'start', ['todo'], 'in_progress', step.state === 'in_progress');
  },
};

/** The values a sign-off records on this step: its own, plus what the signer entered or carried over. */
function signedValues(step: RunStep, ctx: StepContext<'signOff'>): Record<string, FieldValue> {
  if (ctx.provenance === null) return { ...step.fieldValues, ...ctx.op.fieldValues };
  // Field values propagate with the sign-off, except per-unit ones: each run fills those itself.
  const carried: Record<string, FieldValue> = {};
  for (const field of step.fields) {
    const value = ctx.sourceAfter.fieldValues[field.id];
    if (!field.perUnit && value !== undefined) carried[field.id] = value;
  }
  return { ...step.fieldValues, ...carried };
}

const signOff: StepAction<'signOff'> = {
  permission: 'SignOffStep',
  propagates: true,
  plan(step, ctx) {
    if (step.state === 'complete') return { kind: 'same', note: alreadyNote(step) };
    if (step.state !== 'todo' && step.state !== 'in_progress') {
      return refuse('invalid_transition', `Cannot sign off ${stepLabel(step)}: it is ${stateWord(step.state)}`, true);
    }
    if (!holdsRole(ctx.actor, step.signoffRole)) {
      return refuse('signoff_role', `${capital(stepLabel(step))} must be signed by a ${step.signoffRole}`);
    }
    const values = signedValues(step, ctx);
    const refusal =
      (ctx.provenance === null ? valueProblems(step, ctx.op.fieldValues) : null) ??
      (step.state === 'todo' ? availability(ctx.draft, step) : null) ??
      childrenDone(ctx.draft, step) ??
      signOffFieldProblems(step, values) ??
      missingInstalls(step);
    if (refusal) return refuse(refusal.code, refusal.reason);
    const signatureId = `${ctx.op.id}:${step.id}`;
    return {
      kind: 'change',
      next: {
        ...step,
        state: 'complete',
        fieldValues: values,
        completion: { signatureId, signerName: ctx.actor.name, signedAt: ctx.op.at },
      },
      signature: {
        id: signatureId,
        runId: step.runId,
        stepId: step.id,
        originStepId: step.originStepId,
        signerId: ctx.actor.id,
        signerName: ctx.actor.name,
        meaning: ctx.op.meaning,
        signedAt: ctx.op.at,
        stationId: ctx.op.stationId,
        operationId: ctx.op.id,
        values,
        provenance: ctx.provenance,
      },
    };
  },
};

const skip: StepAction<'skip'> = {
  permission: 'SkipStep',
  propagates: true,
  plan: (step, ctx) => withReason(move(step, 'skip', ['todo', 'in_progress'], 'skipped', step.state === 'skipped'), ctx.op.reason),
};

const fail: StepAction<'fail'> = {
  permission: 'FailStep',
  propagates: true,
  plan: (step, ctx) => withReason(move(step, 'fail', ['in_progress'], 'failed', step.state === 'failed'), ctx.op.reason),
};

/** Reopening supersedes the completion; the signature itself stays on record. */
const reopen: StepAction<'reopen'> = {
  permission: 'ReopenStep',
  propagates: true,
  plan(step, ctx) {
    const plan = move(step, 'reopen', ['complete', 'failed', 'skipped'], 'todo', step.state === 'todo');
    return plan.kind === 'change'
      ? { ...plan, next: { ...plan.next, completion: null, lastReason: ctx.op.reason } }
      : plan;
  },
};

const hold: StepAction<'hold'> = {
  permission: 'HoldStep',
  propagates: true,
  plan(step, ctx) {
    const plan = move(step, 'hold', ['todo', 'in_progress'], 'hold', step.state === 'hold');
    return plan.kind === 'change'
      ? { ...plan, next: { ...plan.next, heldFrom: step.state, lastReason: ctx.op.reason } }
      : plan;
  },
};

const release: StepAction<'release'> = {
  permission: 'HoldStep',
  propagates: true,
  plan(step) {
    const plan = move(step, 'release', ['hold'], step.heldFrom ?? 'todo', step.state === 'todo' || step.state === 'in_progress');
    return plan.kind === 'change' ? { ...plan, next: { ...plan.next, heldFrom: null } } : plan;
  },
};

function withReason(plan: Plan, reason: string): Plan {
  return plan.kind === 'change' ? { ...plan, next: { ...plan.next, lastReason: reason } } : plan;
}

/** Entering values is per run: it never propagates (sign-off carries the shared ones later). */
const enterFields: StepAction<'enterFields'> = {
  permission: 'EnterStepFields',
  propagates: false,
  plan(step, ctx) {
    if (step.state !== 'todo' && step.state !== 'in_progress') {
      return refuse('invalid_transition', `Cannot enter values on ${stepLabel(step)}: it is ${stateWord(step.state)}`, true);
    }
    const problem = valueProblems(step, ctx.op.values);
    if (problem) return refuse(problem.code, problem.reason);
    const changed = Object.entries(ctx.op.values).some(([id, v]) => step.fieldValues[id] !== v);
    if (!changed) return { kind: 'same', note: 'These values are already recorded' };
    return { kind: 'change', next: { ...step, fieldValues: { ...step.fieldValues, ...ctx.op.values } } };
  },
};

export const stepStateActions = { start, signOff, skip, fail, reopen, hold, release, enterFields };
