import type { FieldDef, FieldValue } from '../schemas/procedure';
import type { RunStep } from '../schemas/run';
import type { RejectionCode } from '../schemas/outcome';
import { capital, stateWord, stepLabel } from './describe';
import type { Draft } from './draft';

export interface Refusal {
  code: RejectionCode;
  reason: string;
}

/**
 * A step is available when every upstream dependency is done (complete or skipped: a skipped
 * step must not block its dependants forever) and its parent step, if any, is in progress.
 */
export function availability(draft: Draft, step: RunStep): Refusal | null {
  for (const depId of step.dependsOn) {
    const dep = draft.step(depId);
    if (dep && dep.state !== 'complete' && dep.state !== 'skipped') {
      return { code: 'not_available', reason: `${capital(stepLabel(dep))} must be done first (it is ${stateWord(dep.state)})` };
    }
  }
  if (step.parentOriginStepId !== null) {
    const run = draft.run(step.runId);
    const parent = run ? draft.stepByOrigin(run, step.parentOriginStepId) : undefined;
    if (parent && parent.state !== 'in_progress') {
      return { code: 'not_available', reason: `Parent ${stepLabel(parent)} must be in progress (it is ${stateWord(parent.state)})` };
    }
  }
  return null;
}

/** A parent step can only be signed off once each of its child steps is done. */
export function childrenDone(draft: Draft, step: RunStep): Refusal | null {
  const run = draft.run(step.runId);
  if (!run) return null;
  const open = draft
    .stepsOf(run)
    .find((s) => s.parentOriginStepId === step.originStepId && s.state !== 'complete' && s.state !== 'skipped');
  return open
    ? { code: 'not_available', reason: `Child ${stepLabel(open)} is ${stateWord(open.state)}: finish it first` }
    : null;
}

/** Why a value does not fit its field, or null when it does. */
export function fieldValueProblem(field: FieldDef, value: FieldValue): string | null {
  switch (field.kind) {
    case 'number':
      return typeof value === 'number' ? null : `${field.label} must be a number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${field.label} must be yes or no`;
    case 'text':
      return typeof value === 'string' ? null : `${field.label} must be text`;
    case 'choice':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? null
        : `${field.label} must be one of ${(field.options ?? []).join(', ')}`;
    default:
      return field.kind satisfies never;
  }
}

export function withinLimits(field: FieldDef, value: FieldValue): boolean {
  if (typeof value !== 'number') return true;
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
}

/** Values must name the step's fields and fit their kinds. */
export function valueProblems(step: RunStep, values: Readonly<Record<string, FieldValue>>): Refusal | null {
  for (const [fieldId, value] of Object.entries(values)) {
    const field = step.fields.find((f) => f.id === fieldId);
    if (!field) return { code: 'invalid_input', reason: `${capital(stepLabel(step))} has no field "${fieldId}"` };
    const problem = fieldValueProblem(field, value);
    if (problem) return { code: 'invalid_input', reason: problem };
  }
  return null;
}

/** Sign-off needs every required field filled and every number within its limits. */
export function signOffFieldProblems(step: RunStep, values: Readonly<Record<string, FieldValue>>): Refusal | null {
  const missing = step.fields.filter((f) => f.required && (values[f.id] === undefined || values[f.id] === ''));
  if (missing.length > 0) {
    return { code: 'missing_fields', reason: `Fill in ${missing.map((f) => f.label).join(', ')} first` };
  }
  for (const field of step.fields) {
    const value = values[field.id];
    if (value !== undefined && !withinLimits(field, value)) {
      return {
        code: 'field_out_of_limits',
        reason: `${field.label} ${String(value)}${field.unit ?? ''} is outside its limits (${limitText(field)}): fail the step or redline it`,
      };
    }
  }
  return null;
}

/** Sign-off needs every build requirement installed in full. */
export function missingInstalls(step: RunStep): Refusal | null {
  for (const req of step.buildRequirements) {
    const installed = step.installs.filter((i) => i.requirementId === req.id).reduce((n, i) => n + i.quantity, 0);
    if (installed < req.quantity) {
      return {
        code: 'missing_installs',
        reason: `Install ${String(req.quantity - installed)} more of ${req.partNumber} first`,
      };
    }
  }
  return null;
}

function limitText(field: FieldDef): string {
  const unit = field.unit ?? '';
  if (field.min !== undefined && field.max !== undefined) return `${String(field.min)}–${String(field.max)}${unit}`;
  if (field.min !== undefined) return `at least ${String(field.min)}${unit}`;
  return `at most ${String(field.max)}${unit}`;
}
