import { hasPermission, holdsRole } from '../../../shared/domain/permissions';
import type { RunStep } from '../../../shared/schemas/run';
import type { Permission, User } from '../../../shared/schemas/users';
import type { StepDialogKind } from '../state/dialogsSlice';
import { roleWord } from '../ui/words';

export type StepActionKind = 'start' | 'signOff' | 'skip' | 'fail' | 'hold' | 'release' | 'reopen' | 'redlineOpen';

export interface OfferedAction {
  kind: StepActionKind & StepDialogKind;
  label: string;
  /** Null when it can be pressed; otherwise what stands in the way. */
  blocked: string | null;
}

const permissionOf: Record<StepActionKind, Permission> = {
  start: 'StartStep',
  signOff: 'SignOffStep',
  skip: 'SkipStep',
  fail: 'FailStep',
  hold: 'HoldStep',
  release: 'HoldStep',
  reopen: 'ReopenStep',
  redlineOpen: 'EditRedline',
};

const labels: Record<StepActionKind, string> = {
  start: 'Start',
  signOff: 'Sign off',
  skip: 'Skip',
  fail: 'Fail',
  hold: 'Hold',
  release: 'Release hold',
  reopen: 'Reopen',
  redlineOpen: 'Redline',
};

/** What the state machine allows from each state (docs/domain.md, "Step states"). */
function movesFrom(state: RunStep['state']): StepActionKind[] {
  switch (state) {
    case 'todo':
      return ['start', 'signOff', 'skip', 'hold', 'redlineOpen'];
    case 'in_progress':
      return ['signOff', 'skip', 'fail', 'hold', 'redlineOpen'];
    case 'hold':
      return ['release'];
    case 'failed':
      return ['reopen', 'redlineOpen'];
    case 'complete':
    case 'skipped':
      return ['reopen'];
    case 'redline':
      return [];
    default:
      return state satisfies never;
  }
}

/**
 * The actions a person is offered on a step: those its state allows and they hold the permission
 * for. Start and sign-off are shown but blocked (with the reason) when the step is not yet
 * available, while a section still has open child steps, or when the step must be signed by a
 * higher role; the engine checks again anyway.
 */
export function offeredActions(step: RunStep, user: User, blockers: { unavailable: string | null; childrenOpen: string | null }): OfferedAction[] {
  const { unavailable, childrenOpen } = blockers;
  return movesFrom(step.state)
    .filter((kind) => hasPermission(user, permissionOf[kind]))
    .map((kind) => {
      let blocked: string | null = null;
      if ((kind === 'start' || kind === 'signOff') && step.state === 'todo' && unavailable) blocked = unavailable;
      if (kind === 'signOff' && blocked === null && childrenOpen) blocked = childrenOpen;
      if (kind === 'signOff' && !holdsRole(user, step.signoffRole)) blocked = `Must be signed by a ${roleWord(step.signoffRole).toLowerCase()} or above`;
      return { kind, label: labels[kind], blocked };
    });
}
