import type { Operation, ReviewAction } from '../../../shared/schemas/operation';
import type { ReviewKind } from '../../../shared/schemas/review';
import { meaningWords } from '../ui/words';

export const reviewKindWords: Record<ReviewKind, string> = {
  stale_step: 'The step changed after it was seen',
  concurrent_redline: 'A redline at the same time',
  left_out: 'Left out of a batch change',
};

/** The three decisions, as buttons, dialog titles and the line shown once saved. */
export const decisionWords: Record<ReviewAction, { button: string; title: string; done: string; explain: string }> = {
  applyToRun: {
    button: 'Apply to this run',
    title: 'Apply the change to this run',
    done: 'Applied to the run: review item decided.',
    explain: 'The operation is applied to this run now, as its author did it, with its provenance.',
  },
  acceptServer: {
    button: "Accept the server's state",
    title: "Accept the server's state",
    done: "Server's state accepted: review item decided.",
    explain: 'The step stays as it is; the operation is not applied to this run.',
  },
  reopen: {
    button: 'Reopen and redo',
    title: 'Reopen the step to be done again',
    done: 'Step reopened to be done again: review item decided.',
    explain: 'The step is reopened, so a technician does it again.',
  },
};

const kindWords: Partial<Record<Operation['kind'], string>> = {
  start: 'Started the step',
  signOff: 'Signed the step off',
  skip: 'Skipped the step',
  fail: 'Failed the step',
  reopen: 'Reopened the step',
  hold: 'Put the step on hold',
  release: 'Released the step from hold',
  enterFields: 'Entered values',
  redlineOpen: 'Opened a redline',
  redlineEdit: 'Edited the redline',
  redlineFinish: 'Finished the redline',
  redlineCancel: 'Cancelled the redline',
};

/** What the author did, in words: "Signed the step off (Verified), 2 values". */
export function operationWords(op: Operation): string {
  const base = kindWords[op.kind] ?? op.kind;
  const parts = [base];
  if (op.kind === 'signOff') {
    parts[0] = `${base} (${meaningWords[op.meaning]})`;
    const n = Object.keys(op.fieldValues).length;
    if (n > 0) parts.push(`${String(n)} value${n === 1 ? '' : 's'}`);
  }
  if (op.kind === 'enterFields') parts.push(`${String(Object.keys(op.values).length)} values`);
  return parts.join(', ');
}

/** What the author saw when acting, in words. */
export function seenWords(op: Operation): string | null {
  if (!('seen' in op)) return null;
  const { seen } = op;
  const batch = seen.batchId === null ? 'in no batch' : `in Batch ${seen.batchId} with ${String(seen.batchMembers.length)} runs`;
  return `The step at version ${String(seen.stepVersion)}, the run ${batch}`;
}
