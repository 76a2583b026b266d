import type { Json } from '../schemas/common';
import type { RunStep, StepContent } from '../schemas/run';
import { stateWord, stepLabel } from './describe';
import { refuse, type Plan, type StepAction, type StepContext } from './plan';
import type { StepOperation } from '../schemas/operation';

/**
 * Redlines change a run's step while it executes. Siblings in a batch share one redline session
 * (the id of the operation that opened it); finishing forks the lineage identically on every step
 * that finished together, so they stay siblings, while a step redlined alone stops being one.
 */

/** The step must be in the same redline session as the one the operation acts on. */
function sessionProblem(step: RunStep, ctx: Pick<StepContext<'redlineEdit'>, 'provenance' | 'sourceBefore'> & { op: { seen: { stepVersion: number } } }): Plan | null {
  if (step.state !== 'redline' || step.redline === null) {
    return refuse('invalid_transition', `${stepLabel(step)} is not in redline (it is ${stateWord(step.state)})`, true);
  }
  if (ctx.provenance !== null) {
    return step.redline.operationId === ctx.sourceBefore.redline?.operationId
      ? null
      : { kind: 'review', code: 'concurrent_redline', reason: `${stepLabel(step)} is in another redline` };
  }
  // An edit, finish or cancel made without seeing the draft's latest revision would override it.
  if (step.redline.revisedAtVersion > ctx.op.seen.stepVersion) {
    return {
      kind: 'review',
      code: 'concurrent_redline',
      reason: `The redline of ${stepLabel(step)} was changed by someone else since you saw it`,
    };
  }
  return null;
}

const redlineOpen: StepAction<'redlineOpen'> = {
  permission: 'EditRedline',
  propagates: true,
  plan(step, ctx) {
    if (step.redline?.operationId === ctx.op.id) return { kind: 'same', note: `${stepLabel(step)} is already in this redline` };
    if (step.state === 'redline') {
      return {
        kind: 'review',
        code: 'concurrent_redline',
        reason: `${stepLabel(step)} is already in a redline opened by ${step.redline?.openedByName ?? 'someone else'}`,
      };
    }
    if (step.state !== 'todo' && step.state !== 'in_progress' && step.state !== 'failed') {
      return refuse('invalid_transition', `Cannot redline ${stepLabel(step)}: it is ${stateWord(step.state)}`, true);
    }
    return {
      kind: 'change',
      next: {
        ...step,
        state: 'redline',
        lastReason: ctx.op.reason,
        redline: {
          operationId: ctx.op.id,
          openedBy: ctx.actor.id,
          openedByName: ctx.actor.name,
          openedAt: ctx.op.at,
          reason: ctx.op.reason,
          restoreState: step.state,
          draft: { title: step.title, instructions: step.instructions, fields: step.fields },
          revisedAtVersion: step.version + 1,
        },
      },
    };
  },
};

const redlineEdit: StepAction<'redlineEdit'> = {
  permission: 'EditRedline',
  propagates: true,
  plan(step, ctx) {
    const problem = sessionProblem(step, ctx);
    if (problem || step.redline === null) return problem ?? refuse('invalid_transition', 'not in redline', true);
    const draft = { ...step.redline.draft, ...ctx.op.changes };
    if (JSON.stringify(draft) === JSON.stringify(step.redline.draft)) {
      return { kind: 'same', note: 'The redline already reads this way' };
    }
    return {
      kind: 'change',
      next: { ...step, redline: { ...step.redline, draft, revisedAtVersion: step.version + 1 } },
      detail: { changed: Object.keys(ctx.op.changes) },
    };
  },
};

/** Step content as plain JSON for the audit trail (optional properties left out, not undefined). */
function contentJson(content: StepContent): Json {
  return JSON.parse(JSON.stringify(content)) as Json;
}

const redlineFinish: StepAction<'redlineFinish'> = {
  permission: 'EditRedline',
  propagates: true,
  plan(step, ctx) {
    const problem = sessionProblem(step, ctx);
    if (problem || step.redline === null) return problem ?? refuse('invalid_transition', 'not in redline', true);
    const { draft } = step.redline;
    // Values of fields the redline removed no longer describe anything on the step.
    const fieldIds = new Set(draft.fields.map((f) => f.id));
    const fieldValues = Object.fromEntries(Object.entries(step.fieldValues).filter(([id]) => fieldIds.has(id)));
    return {
      kind: 'change',
      next: {
        ...step,
        ...draft,
        fieldValues,
        state: 'todo',
        redline: null,
        lineage: `${step.lineage}>${ctx.op.id}`,
      },
      // The trail keeps what the redline changed in full: the step's content before and after.
      detail: {
        before: contentJson({ title: step.title, instructions: step.instructions, fields: step.fields }),
        after: contentJson(draft),
        lineage: { from: step.lineage, to: `${step.lineage}>${ctx.op.id}` },
        reason: step.redline.reason,
        openedBy: step.redline.openedByName,
      },
    };
  },
};

const redlineCancel: StepAction<'redlineCancel'> = {
  permission: 'EditRedline',
  propagates: true,
  plan(step, ctx) {
    const problem = sessionProblem(step, ctx);
    if (problem || step.redline === null) return problem ?? refuse('invalid_transition', 'not in redline', true);
    return { kind: 'change', next: { ...step, state: step.redline.restoreState, redline: null } };
  },
};

export const redlineActions = { redlineOpen, redlineEdit, redlineFinish, redlineCancel } satisfies {
  [K in Extract<StepOperation['kind'], `redline${string}`>]: StepAction<K>;
};
