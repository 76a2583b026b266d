import { describe, expect, it } from 'vitest';
import { Operation } from '../../shared/schemas/operation';
import { parseInput } from '../../shared/schemas/parse';
import { ProcedureVersion } from '../../shared/schemas/procedure';
import { boardV1 } from './fixtures';

const base = { id: 'op-1', stationId: 'ST-1', actorId: 'u-tech', at: '2026-11-26T08:00:00.000Z' };
const seen = { stepVersion: 0, batchId: null, batchMembers: [] };
const good = { ...base, kind: 'signOff', runId: 'R-1', stepId: 'R-1/inspect', seen, meaning: 'performed', fieldValues: {} };

const rejects = (input: unknown) => {
  const parsed = parseInput(Operation, input);
  if (parsed.ok) throw new Error('expected the input to be rejected');
  return parsed;
};

describe('operation schemas reject malformed input, naming the field', () => {
  it('accepts a well-formed operation', () => {
    expect(parseInput(Operation, good)).toEqual({ ok: true, value: good });
  });

  it('names an unknown kind', () => {
    expect(rejects({ ...good, kind: 'teleport' }).issues.map((i) => i.path)).toEqual(['kind']);
  });

  it.each([
    ['id', { ...good, id: '' }, 'id: must not be empty'],
    ['at', { ...good, at: 'yesterday' }, 'at: '],
    ['seen.stepVersion', { ...good, seen: { ...seen, stepVersion: -1 } }, 'seen.stepVersion: '],
    ['meaning', { ...good, meaning: 'witnessed' }, 'meaning: '],
    ['fieldValues.volts', { ...good, fieldValues: { volts: { v: 5 } } }, 'fieldValues.volts: '],
    ['reason', { ...base, kind: 'skip', runId: 'R-1', stepId: 's', seen, reason: '   ' }, 'reason: a reason is required'],
    ['runIds', { ...base, kind: 'createBatch', batchId: 'B-1', title: null, runIds: ['R-1'] }, 'runIds: a batch needs at least two runs'],
    ['runIds', { ...base, kind: 'createBatch', batchId: 'B-1', title: null, runIds: ['R-1', 'R-1'] }, 'runIds: run ids must not repeat'],
    ['title', { ...base, kind: 'renameBatch', batchId: 'B-1', title: 'x'.repeat(121) }, 'title: must be at most 120 characters'],
    ['changes', { ...base, kind: 'redlineEdit', runId: 'R-1', stepId: 's', seen, changes: {} }, 'changes: a redline edit must change'],
    ['quantity', { ...base, kind: 'recordInstall', runId: 'R-1', stepId: 's', seen, requirementId: 'r', serial: 'S', lot: null, quantity: 0 }, 'quantity: '],
  ])('names %s', (_field, input, message) => {
    expect(rejects(input).message).toContain(message);
  });

  it('rejects values that are not objects at all', () => {
    expect(rejects(null).issues).toHaveLength(1);
    expect(rejects('signOff').message).not.toBe('');
    expect(rejects([good]).message).not.toBe('');
  });

  it('rejects an operation missing its envelope fields, listing each', () => {
    const { issues } = rejects({ kind: 'start', runId: 'R-1', stepId: 's', seen });
    expect(issues.map((i) => i.path).sort()).toEqual(['actorId', 'at', 'id', 'stationId']);
  });
});

describe('procedure schema', () => {
  it('accepts the board procedure', () => {
    expect(parseInput(ProcedureVersion, boardV1).ok).toBe(true);
  });

  it('refuses a dependency on a later or missing step, a repeated step and inverted limits', () => {
    const [first, second] = boardV1.steps;
    if (!first || !second) throw new Error('fixture');
    const forward = { ...boardV1, steps: [{ ...first, dependsOn: ['connector'] }, second] };
    expect(parseInput(ProcedureVersion, forward)).toMatchObject({ ok: false, issues: [{ path: 'steps.0.dependsOn.0' }] });
    const twice = { ...boardV1, steps: [first, first] };
    expect(parseInput(ProcedureVersion, twice)).toMatchObject({ ok: false, issues: [{ path: 'steps.1.originStepId' }] });
    const inverted = {
      ...boardV1,
      steps: [{ ...first, fields: [{ id: 'f', label: 'F', kind: 'number', required: true, perUnit: false, min: 5, max: 1 }] }],
    };
    expect(parseInput(ProcedureVersion, inverted)).toMatchObject({ ok: false, issues: [{ path: 'steps.0.fields.0.min' }] });
  });
});
