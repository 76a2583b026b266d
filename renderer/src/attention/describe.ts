import type { Operation, OperationKind } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { OutcomeRow } from '../store/db';
import { exclusionLine } from '../actions/outcomeText';
import { stepStateWord } from '../ui/words';

const kindWords: Record<OperationKind, string> = {
  start: 'Start step',
  signOff: 'Sign off',
  skip: 'Skip step',
  fail: 'Fail step',
  reopen: 'Reopen step',
  hold: 'Hold step',
  release: 'Release step',
  enterFields: 'Enter values',
  redlineOpen: 'Open redline',
  redlineEdit: 'Edit redline',
  redlineFinish: 'Finish redline',
  redlineCancel: 'Cancel redline',
  createBatch: 'Create batch',
  addRunsToBatch: 'Add runs to batch',
  removeRunFromBatch: 'Remove run from batch',
  renameBatch: 'Rename batch',
  unbatchAll: 'Unbatch all',
  addBuildRequirement: 'Add part requirement',
  applyBuildRequirementToBatch: 'Apply part requirement to batch',
  recordInstall: 'Record install',
  resolveReview: 'Resolve review item',
};

export function kindWord(kind: OperationKind): string {
  return kindWords[kind];
}

/** The run (and batch) an operation named, for the notice's first line. */
export function targetOf(op: Operation | undefined): { runId: string | null; stepId: string | null; batchId: string | null } {
  if (!op) return { runId: null, stepId: null, batchId: null };
  if ('stepId' in op) return { runId: op.runId, stepId: op.stepId, batchId: null };
  // A resolution names its review item (operation~run): the run is the part after the '~'.
  if (op.kind === 'resolveReview') return { runId: op.reviewId.slice(op.reviewId.lastIndexOf('~') + 1) || null, stepId: null, batchId: null };
  return { runId: 'runId' in op ? op.runId : null, stepId: null, batchId: op.batchId };
}

/** The server's verdict in a person's words: a heading and the lines under it. */
export function verdictOf(row: OutcomeRow): { title: string; lines: string[] } {
  const o: Outcome = row.outcome;
  switch (o.status) {
    case 'rejected':
      return { title: 'Not applied: the server refused it', lines: [o.reason] };
    case 'needs_review': {
      const lines = [o.reason];
      if (o.current) lines.push(`Server’s side: ${stepStateWord(o.current.state)}${o.current.by ? ` by ${o.current.by}` : ''} (version ${String(o.current.version)})`);
      return { title: 'Not applied: a supervisor reviews it', lines };
    }
    case 'applied_with_exclusions':
      return { title: 'Applied, but runs were left out for review', lines: o.excluded.filter((e) => e.review).map(exclusionLine) };
    case 'applied':
      return { title: 'Applied', lines: o.note ? [o.note] : [] };
  }
}
