import type { StepOperation } from '../schemas/operation';
import { partActions } from './partActions';
import type { StepAction } from './plan';
import { redlineActions } from './redlineActions';
import { stepStateActions } from './stepActions';

/** One action per step operation kind; the mapped type makes a missing kind a compile error. */
export const stepActionTable: { [K in StepOperation['kind']]: StepAction<K> } = {
  ...stepStateActions,
  ...redlineActions,
  ...partActions,
};
