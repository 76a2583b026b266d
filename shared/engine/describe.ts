import type { RunStep, StepState } from '../schemas/run';

/** How messages name a step: `step 4 "Torque the bolts"`. */
export function stepLabel(step: Pick<RunStep, 'number' | 'title'>): string {
  return `step ${step.number} "${step.title}"`;
}

const stateWords: Record<StepState, string> = {
  todo: 'to do',
  in_progress: 'in progress',
  hold: 'on hold',
  redline: 'in redline',
  complete: 'complete',
  failed: 'failed',
  skipped: 'skipped',
};

export function stateWord(state: StepState): string {
  return stateWords[state];
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
