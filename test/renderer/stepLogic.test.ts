import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../shared/schemas/procedure';
import type { RunStep } from '../../shared/schemas/run';
import type { User } from '../../shared/schemas/users';
import { limitStatus, limitText, parseNumber, valueText } from '../../renderer/src/run/limits';
import { provenanceText } from '../../renderer/src/run/provenance';
import { offeredActions } from '../../renderer/src/run/stepActions';

const volts: FieldDef = { id: 'v', label: '5 V rail', kind: 'number', required: true, perUnit: true, unit: 'V', min: 4.9, max: 5.1 };
const user = (role: User['role']): User => ({ id: 'u', name: 'Someone', role, active: true });
const step = (state: RunStep['state'], signoffRole: RunStep['signoffRole'] = 'technician') => ({ state, signoffRole }) as RunStep;
const kinds = (s: RunStep, u: User, unavailable: string | null = null, childrenOpen: string | null = null) =>
  offeredActions(s, u, { unavailable, childrenOpen }).map((a) => (a.blocked ? `${a.kind}!` : a.kind));

describe('the actions offered on a step', () => {
  it('follows the state machine and the permissions of the role', () => {
    expect(kinds(step('todo'), user('technician'))).toEqual(['start', 'signOff', 'skip', 'hold']);
    expect(kinds(step('in_progress'), user('engineer'))).toEqual(['signOff', 'skip', 'fail', 'hold', 'redlineOpen']);
    expect(kinds(step('hold'), user('technician'))).toEqual(['release']);
    expect(kinds(step('complete'), user('technician'))).toEqual([]);
    expect(kinds(step('complete'), user('supervisor'))).toEqual(['reopen']);
    expect(kinds(step('failed'), user('engineer'))).toEqual(['reopen', 'redlineOpen']);
    expect(kinds(step('redline'), user('admin'))).toEqual([]);
  });

  it('shows start and sign-off blocked, with the reason, when the step is not available or must be signed higher', () => {
    expect(kinds(step('todo'), user('technician'), 'Step 1 must be done first')).toEqual(['start!', 'signOff!', 'skip', 'hold']);
    expect(kinds(step('in_progress'), user('technician'), null, 'Child step 1.1 is to do')).toEqual(['signOff!', 'skip', 'fail', 'hold']);
    const qa = offeredActions(step('todo', 'supervisor'), user('technician'), { unavailable: null, childrenOpen: null }).find((a) => a.kind === 'signOff');
    expect(qa?.blocked).toBe('Must be signed by a supervisor or above');
  });
});

describe('field values and limits', () => {
  it('says whether a number is within its limits', () => {
    expect(limitStatus(volts, 5)).toBe('within');
    expect(limitStatus(volts, 5.1)).toBe('within');
    expect(limitStatus(volts, 5.2)).toBe('outside');
    expect(limitStatus(volts, undefined)).toBe('none');
    expect(limitStatus({ ...volts, min: undefined, max: undefined }, 9)).toBe('none');
    expect(limitStatus({ ...volts, max: undefined, min: 40 }, 39)).toBe('outside');
  });

  it('writes limits and values the way the station shows them', () => {
    expect(limitText(volts)).toBe('4.9–5.1 V');
    expect(limitText({ ...volts, max: undefined })).toBe('at least 4.9 V');
    expect(limitText({ ...volts, min: undefined })).toBe('at most 5.1 V');
    expect(limitText({ ...volts, min: undefined, max: undefined })).toBeNull();
    expect(valueText(volts, 5)).toBe('5 V');
    expect(valueText({ ...volts, kind: 'boolean' }, true)).toBe('Yes');
    expect(valueText(volts, undefined)).toBe('—');
  });

  it('reads numbers as typed at a station, with a comma or a point', () => {
    expect(parseNumber('4,98')).toBe(4.98);
    expect(parseNumber(' 5.02 ')).toBe(5.02);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('5 V')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('says where a propagated change came from', () => {
    expect(provenanceText({ batchId: 'B-101', fromRunId: 'R-1005', fromStepId: 'R-1005/cb-smt-place' }, '2.2')).toBe('Applied through Batch B-101 from run R-1005, step 2.2');
  });
});
