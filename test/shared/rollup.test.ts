import { describe, expect, it } from 'vitest';
import { rollUp } from '../../shared/engine/rollup';

describe('run status roll-up', () => {
  it.each([
    [['complete', 'failed', 'redline', 'hold', 'in_progress'], 'failed'],
    [['complete', 'redline', 'hold', 'in_progress'], 'redline'],
    [['todo', 'hold', 'in_progress'], 'hold'],
    [['todo', 'in_progress'], 'in_progress'],
    [['todo', 'todo'], 'todo'],
    [['complete', 'todo'], 'in_progress'],
    [['complete', 'complete'], 'complete'],
    [['complete', 'skipped'], 'partially_complete'],
    [['skipped', 'skipped'], 'skipped'],
  ] as const)('%j rolls up to %s', (states, status) => {
    expect(rollUp(states).status).toBe(status);
  });

  it('counts complete and skipped steps as done', () => {
    expect(rollUp(['complete', 'skipped', 'todo', 'failed'])).toEqual({ status: 'failed', stepsDone: 2, stepsTotal: 4 });
  });
});
