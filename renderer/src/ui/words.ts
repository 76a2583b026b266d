import type { RunStatus, StepState } from '../../../shared/schemas/run';
import type { SignatureMeaning } from '../../../shared/schemas/signature';
import type { RoleName } from '../../../shared/schemas/users';

export const statusWords: Record<RunStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  hold: 'On hold',
  redline: 'Redline',
  failed: 'Failed',
  complete: 'Complete',
  partially_complete: 'Partially complete',
  skipped: 'Skipped',
};

/** A mark beside each colour, so state never rests on colour alone. */
export const statusMarks: Record<RunStatus, string> = {
  todo: '○',
  in_progress: '▶',
  hold: '‖',
  redline: '✎',
  failed: '✕',
  complete: '✓',
  partially_complete: '◐',
  skipped: '↷',
};

/** The mark ⟳ beside a run or step changed here and not yet confirmed by the server, spoken. */
export const pendingMarkWords = 'Saved on this station, not yet synced';

export const stepStateWord = (state: StepState): string => statusWords[state];

export const meaningWords: Record<SignatureMeaning, string> = {
  performed: 'Performed',
  verified: 'Verified',
  approved: 'Approved',
};

export function roleWord(role: RoleName): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}
