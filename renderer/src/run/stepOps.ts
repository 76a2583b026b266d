import type { Seen, StepOperation } from '../../../shared/schemas/operation';
import type { FieldDef } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import type { SignatureMeaning } from '../../../shared/schemas/signature';
import { stepOperation, type Author } from '../actions/operations';
import type { StepDialogKind } from '../state/dialogsSlice';
import type { StationDb } from '../store/db';

export interface RedlineChanges {
  title?: string;
  instructions?: string;
  fields?: FieldDef[];
}

export interface StepInput {
  reason: string;
  meaning: SignatureMeaning;
  changes: RedlineChanges;
}

/** `Step 2.2 "Place components"`, as the engine's messages name steps. */
export function stepName(step: Pick<RunStep, 'number' | 'title'>): string {
  return `Step ${step.number} "${step.title}"`;
}

/** The same inside a sentence: `step 2.2 "Place components"`. */
export function stepNameInText(step: Pick<RunStep, 'number' | 'title'>): string {
  return `step ${step.number} "${step.title}"`;
}

/** Builds the operation for a step action from what the person entered (and saw, when the caller has it). */
export function buildStepOp(db: StationDb, author: Author, kind: StepDialogKind, step: RunStep, input: StepInput, seen?: Seen): Promise<StepOperation> {
  const on = <K extends StepOperation['kind']>(k: K, fields: Parameters<typeof stepOperation<K>>[5]) => stepOperation(db, author, k, step.runId, step.id, fields, seen);
  switch (kind) {
    case 'start':
      return on('start', {});
    case 'release':
      return on('release', {});
    case 'redlineFinish':
      return on('redlineFinish', {});
    case 'redlineCancel':
      return on('redlineCancel', {});
    case 'signOff':
      return on('signOff', { meaning: input.meaning, fieldValues: {} });
    case 'skip':
      return on('skip', { reason: input.reason });
    case 'fail':
      return on('fail', { reason: input.reason });
    case 'reopen':
      return on('reopen', { reason: input.reason });
    case 'hold':
      return on('hold', { reason: input.reason });
    case 'redlineOpen':
      return on('redlineOpen', { reason: input.reason });
    case 'redlineEdit':
      return on('redlineEdit', { changes: input.changes });
    default:
      return kind satisfies never;
  }
}

/** The words of each action in its dialog and in the message once it is saved. */
export function actionWords(kind: StepDialogKind, step: RunStep): { title: string; confirm: string; done: string; needsReason: boolean } {
  const name = stepName(step);
  const lower = stepNameInText(step);
  switch (kind) {
    case 'start':
      return { title: `Start ${lower}`, confirm: 'Start', done: `${name} started.`, needsReason: false };
    case 'release':
      return { title: `Release the hold on ${lower}`, confirm: 'Release hold', done: `${name} released.`, needsReason: false };
    case 'signOff':
      return { title: `Sign off ${lower}`, confirm: 'Sign', done: `${name} signed off.`, needsReason: false };
    case 'skip':
      return { title: `Skip ${lower}`, confirm: 'Skip step', done: `${name} skipped.`, needsReason: true };
    case 'fail':
      return { title: `Fail ${lower}`, confirm: 'Fail step', done: `${name} failed.`, needsReason: true };
    case 'reopen':
      return { title: `Reopen ${lower}`, confirm: 'Reopen step', done: `${name} reopened.`, needsReason: true };
    case 'hold':
      return { title: `Put ${lower} on hold`, confirm: 'Put on hold', done: `${name} put on hold.`, needsReason: true };
    case 'redlineOpen':
      return { title: `Redline ${lower}`, confirm: 'Open redline', done: `Redline opened on ${lower}.`, needsReason: true };
    case 'redlineEdit':
      return { title: `Save the redline of ${lower}`, confirm: 'Save changes', done: `Redline of ${lower} saved.`, needsReason: false };
    case 'redlineFinish':
      return { title: `Finish the redline of ${lower}`, confirm: 'Finish redline', done: `Redline of ${lower} finished.`, needsReason: false };
    case 'redlineCancel':
      return { title: `Cancel the redline of ${lower}`, confirm: 'Cancel redline', done: `Redline of ${lower} cancelled.`, needsReason: false };
    default:
      return kind satisfies never;
  }
}
