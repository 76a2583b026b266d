import { describe, expect, it } from 'vitest';
import { Plant } from './fixtures';

describe('step state machine', () => {
  it('starts a step only when its upstream dependencies are done', () => {
    const plant = new Plant();
    const refused = plant.apply(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(refused.outcome).toMatchObject({ status: 'rejected', code: 'not_available' });
    expect(refused.outcome.status === 'rejected' && refused.outcome.reason).toBe('Step 1 "Inspect board" must be done first (it is to do)');
    expect(plant.step('R-1', 'connector').state).toBe('todo');

    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    plant.must(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(plant.step('R-1', 'connector').state).toBe('in_progress');
  });

  it('treats a skipped upstream step as done', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('skip', 'R-1', 'inspect', { reason: 'Pre-inspected at receiving' }));
    plant.must(plant.stepOp('start', 'R-1', 'connector', {}));
    expect(plant.step('R-1', 'connector').state).toBe('in_progress');
  });

  it('makes a child step available only while its parent is in progress', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'solder');
    const early = plant.apply(plant.stepOp('start', 'R-1', 'rail', {}));
    expect(early.outcome).toMatchObject({ status: 'rejected', code: 'not_available' });
    plant.must(plant.stepOp('start', 'R-1', 'solder', {}));
    plant.must(plant.stepOp('start', 'R-1', 'rail', {}));
    expect(plant.step('R-1', 'rail').state).toBe('in_progress');
  });

  it('refuses to sign off a parent step while a child is not done', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'solder');
    plant.must(plant.stepOp('start', 'R-1', 'solder', {}));
    const result = plant.apply(plant.stepOp('signOff', 'R-1', 'solder', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toMatchObject({ status: 'rejected', code: 'not_available' });
    expect(result.outcome.status === 'rejected' && result.outcome.reason).toContain('Child step 3.1');
  });

  it('refuses a sign-off with a required field empty, naming the field', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'torque');
    const result = plant.apply(plant.stepOp('signOff', 'R-1', 'torque', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'missing_fields', reason: 'Fill in Wrench setting first' });
  });

  it('refuses a sign-off with a value outside its limits', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'torque');
    const result = plant.apply(plant.stepOp('signOff', 'R-1', 'torque', { meaning: 'performed', fieldValues: { setting: 15 } }));
    expect(result.outcome).toMatchObject({ status: 'rejected', code: 'field_out_of_limits' });
    expect(result.outcome.status === 'rejected' && result.outcome.reason).toContain('Wrench setting 15Nm is outside its limits (10–14Nm)');
  });

  it('refuses a value of the wrong kind or for a field the step does not have', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'torque');
    const wrongKind = plant.apply(plant.stepOp('signOff', 'R-1', 'torque', { meaning: 'performed', fieldValues: { setting: 'tight' } }));
    expect(wrongKind.outcome).toEqual({ status: 'rejected', code: 'invalid_input', reason: 'Wrench setting must be a number' });
    const unknown = plant.apply(plant.stepOp('enterFields', 'R-1', 'torque', { values: { colour: 'red' } }));
    expect(unknown.outcome).toMatchObject({ status: 'rejected', code: 'invalid_input' });
  });

  it('refuses a sign-off until the build requirements are installed', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'connector');
    const result = plant.apply(plant.stepOp('signOff', 'R-1', 'connector', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toEqual({ status: 'rejected', code: 'missing_installs', reason: 'Install 1 more of CONN-12 first' });
  });

  it('needs the sign-off role of the step: a technician cannot sign the QA step, a supervisor can', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'qa');
    const tech = plant.apply(plant.stepOp('signOff', 'R-1', 'qa', { meaning: 'verified', fieldValues: { label: true } }));
    expect(tech.outcome).toEqual({ status: 'rejected', code: 'signoff_role', reason: 'Step 5 "Final QA" must be signed by a supervisor' });
    plant.must(plant.stepOp('signOff', 'R-1', 'qa', { meaning: 'verified', fieldValues: { label: true } }, 'sup'));
    expect(plant.run('R-1').status).toBe('complete');
  });

  it('fails only a step in progress, with a reason, and reworks it back to todo', () => {
    const plant = new Plant();
    const notStarted = plant.apply(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }));
    expect(notStarted.outcome).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'failed', lastReason: 'Cracked' });
    expect(plant.run('R-1').status).toBe('failed');
    plant.must(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'Board replaced' }, 'sup'));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'todo', lastReason: 'Board replaced' });
  });

  it('skips from todo or in progress and reopens a skipped step', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('skip', 'R-1', 'inspect', { reason: 'Not needed' }));
    expect(plant.step('R-1', 'inspect').state).toBe('skipped');
    plant.must(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'Needed after all' }, 'sup'));
    expect(plant.step('R-1', 'inspect').state).toBe('todo');
  });

  it('holds a step and releases it back to the state it was held from', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Waiting for fixture' }));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'hold', heldFrom: 'in_progress' });
    expect(plant.run('R-1').status).toBe('hold');
    const signWhileHeld = plant.apply(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(signWhileHeld.outcome).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
    plant.must(plant.stepOp('release', 'R-1', 'inspect', {}));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'in_progress', heldFrom: null });
  });

  it('reopens a completed step: the completion is superseded, the signature stays on record', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    plant.must(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'Wrong board' }, 'sup'));
    expect(plant.step('R-1', 'inspect')).toMatchObject({ state: 'todo', completion: null });
    expect(plant.signatures).toHaveLength(1);
    expect(plant.audit.map((a) => a.action)).toEqual(['signOff', 'reopen']);
  });

  it('answers an action that already happened as a no-op that says who got there first', () => {
    const plant = new Plant();
    const first = plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    const second = { ...plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }, 'tech2') };
    plant.must(first);
    const result = plant.apply(second);
    expect(result.outcome).toEqual({
      status: 'applied',
      note: `Step 1 "Inspect board" is already complete by Ana Ortiz at ${first.at}`,
      propagatedTo: [],
    });
    expect(result.changes).toEqual([]);
  });

  it('bumps the step version on every change and rolls the run status up', () => {
    const plant = new Plant();
    expect(plant.run('R-1')).toMatchObject({ status: 'todo', stepsDone: 0, stepsTotal: 7 });
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    expect(plant.step('R-1', 'inspect').version).toBe(1);
    expect(plant.run('R-1').status).toBe('in_progress');
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    expect(plant.step('R-1', 'inspect').version).toBe(2);
    expect(plant.run('R-1')).toMatchObject({ status: 'in_progress', stepsDone: 1 });
  });
});
