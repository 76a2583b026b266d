import { capital, stateWord, stepLabel } from './describe';
import { refuse, type Plan, type StepAction } from './plan';
import type { OperationOf } from '../schemas/operation';
import type { BuildRequirement } from '../schemas/procedure';
import type { RunStep } from '../schemas/run';

/** Part lines can be added while the step is still to be signed. */
function closedProblem(step: RunStep, verb: string): Plan | null {
  return step.state === 'complete' || step.state === 'skipped'
    ? refuse('invalid_transition', `Cannot ${verb} on ${stepLabel(step)}: it is ${stateWord(step.state)}`, true)
    : null;
}

/** Adding a build requirement changes this run only: cascading is a separate, deliberate operation. */
const addBuildRequirement: StepAction<'addBuildRequirement'> = {
  permission: 'AddBuildRequirement',
  propagates: false,
  plan(step, ctx) {
    const id = ctx.op.id;
    if (step.buildRequirements.some((r) => r.id === id)) return { kind: 'same', note: 'This part line is already added' };
    return (
      closedProblem(step, 'add a part') ?? {
        kind: 'change',
        next: { ...step, buildRequirements: [...step.buildRequirements, { ...ctx.op.requirement, id }] },
        detail: { partNumber: ctx.op.requirement.partNumber, quantity: ctx.op.requirement.quantity },
      }
    );
  },
};

/** "Apply to N runs in batch": copies a run's part line to the sibling steps of the batch. */
const applyBuildRequirementToBatch: StepAction<'applyBuildRequirementToBatch'> = {
  permission: 'AddBuildRequirement',
  propagates: true,
  plan(step, ctx) {
    const source = ctx.sourceBefore.buildRequirements.find((r) => r.id === ctx.op.requirementId);
    if (!source) return refuse('invalid_input', `${capital(stepLabel(step))} has no part line "${ctx.op.requirementId}"`);
    if (ctx.provenance === null) return { kind: 'change', next: step };
    if (step.buildRequirements.some((r) => r.id === source.id || r.copiedFrom === source.id)) {
      return { kind: 'same', note: `${source.partNumber} is already on this run` };
    }
    return (
      closedProblem(step, 'add a part') ?? {
        kind: 'change',
        next: {
          ...step,
          buildRequirements: [...step.buildRequirements, { ...source, id: `${source.id}@${step.runId}`, copiedFrom: source.id }],
        },
        detail: { partNumber: source.partNumber, quantity: source.quantity },
      }
    );
  },
};

/** An install must carry what the part's tracking asks for: one serial, or a lot, or neither. */
function trackingProblem(req: BuildRequirement, op: OperationOf<'recordInstall'>): string | null {
  switch (req.tracking) {
    case 'serial':
      return op.serial !== null && op.lot === null && op.quantity === 1
        ? null
        : `${req.partNumber} is serial-tracked: install one unit with its serial number`;
    case 'lot':
      return op.lot !== null && op.serial === null ? null : `${req.partNumber} is lot-tracked: give its lot number`;
    case 'none':
      return op.serial === null && op.lot === null ? null : `${req.partNumber} is not tracked by serial or lot`;
    default:
      return req.tracking satisfies never;
  }
}

/** An install consumes this unit's own serial or lot: it never cascades. */
const recordInstall: StepAction<'recordInstall'> = {
  permission: 'InstallParts',
  propagates: false,
  plan(step, ctx) {
    const { op } = ctx;
    if (step.installs.some((i) => i.id === op.id)) return { kind: 'same', note: 'This install is already recorded' };
    const closed = closedProblem(step, 'install a part');
    if (closed) return closed;
    const req = step.buildRequirements.find((r) => r.id === op.requirementId);
    if (!req) return refuse('invalid_input', `${capital(stepLabel(step))} has no part line "${op.requirementId}"`);
    const tracking = trackingProblem(req, op);
    if (tracking) return refuse('invalid_input', tracking);
    if (op.serial !== null && step.installs.some((i) => i.requirementId === req.id && i.serial === op.serial)) {
      return refuse('invalid_input', `Serial ${op.serial} is already installed here`);
    }
    const installed = step.installs.filter((i) => i.requirementId === req.id).reduce((n, i) => n + i.quantity, 0);
    if (installed + op.quantity > req.quantity) {
      return refuse('invalid_input', `Only ${String(req.quantity - installed)} more of ${req.partNumber} are needed`);
    }
    const install = {
      id: op.id,
      requirementId: req.id,
      serial: op.serial,
      lot: op.lot,
      quantity: op.quantity,
      installedBy: ctx.actor.id,
      installedAt: op.at,
      stationId: op.stationId,
    };
    return {
      kind: 'change',
      next: { ...step, installs: [...step.installs, install] },
      detail: { partNumber: req.partNumber, serial: op.serial, lot: op.lot, quantity: op.quantity },
    };
  },
};

export const partActions = { addBuildRequirement, applyBuildRequirementToBatch, recordInstall };
