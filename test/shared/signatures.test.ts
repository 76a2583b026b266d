import { describe, expect, it } from 'vitest';
import { Plant } from './fixtures';

describe('electronic signatures', () => {
  it('a propagated sign-off is a signature record of its own on each sibling, with the original signer, time, meaning and provenance', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    const op = plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'verified', fieldValues: {} });
    plant.must(op);
    expect(plant.signatures).toEqual([
      {
        id: `${op.id}:R-2/inspect`,
        runId: 'R-2',
        stepId: 'R-2/inspect',
        originStepId: 'inspect',
        signerId: 'u-tech',
        signerName: 'Ana Ortiz',
        meaning: 'verified',
        signedAt: op.at,
        stationId: 'ST-1',
        operationId: op.id,
        values: {},
        provenance: null,
      },
      ...['R-1', 'R-3'].map((runId) => ({
        id: `${op.id}:${runId}/inspect`,
        runId,
        stepId: `${runId}/inspect`,
        originStepId: 'inspect',
        signerId: 'u-tech',
        signerName: 'Ana Ortiz',
        meaning: 'verified',
        signedAt: op.at,
        stationId: 'ST-1',
        operationId: op.id,
        values: {},
        provenance: { batchId: 'B-1', fromRunId: 'R-2', fromStepId: 'R-2/inspect' },
      })),
    ]);
    for (const runId of ['R-1', 'R-2', 'R-3']) {
      expect(plant.step(runId, 'inspect').completion).toEqual({ signatureId: `${op.id}:${runId}/inspect`, signerName: 'Ana Ortiz', signedAt: op.at });
    }
  });

  it('the signature covers the values signed, including the shared values carried to siblings', () => {
    const plant = new Plant();
    for (const r of ['R-1', 'R-2']) plant.prepareUpTo(r, 'torque');
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('signOff', 'R-1', 'torque', { meaning: 'performed', fieldValues: { setting: 11 } }));
    expect(plant.signatures.slice(-2).map((s) => [s.runId, s.values])).toEqual([
      ['R-1', { setting: 11 }],
      ['R-2', { setting: 11 }],
    ]);
  });

  it('nothing is edited in place: a reopen and a new sign-off add records, the first signature stays as it was', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const first = structuredClone(plant.signatures[0]);
    plant.must(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'Re-inspect' }, 'sup'));
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }, 'tech2'));
    expect(plant.signatures).toHaveLength(2);
    expect(plant.signatures[0]).toEqual(first);
    expect(plant.signatures[1]?.signerName).toBe('Ben Okafor');
    expect(plant.audit.map((a) => [a.action, a.fromState, a.toState, a.reason])).toEqual([
      ['signOff', 'todo', 'complete', null],
      ['reopen', 'complete', 'todo', 'Re-inspect'],
      ['signOff', 'todo', 'complete', null],
    ]);
  });

  it('the audit trail records actor, station, station time and provenance for each propagated change', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    const op = plant.stepOp('skip', 'R-1', 'inspect', { reason: 'Pre-inspected' });
    plant.must(op);
    const entries = plant.audit.filter((a) => a.operationId === op.id);
    expect(entries).toEqual([
      expect.objectContaining({ runId: 'R-1', actorName: 'Ana Ortiz', stationId: 'ST-1', at: op.at, provenance: null, reason: 'Pre-inspected' }),
      expect.objectContaining({
        runId: 'R-2',
        provenance: { batchId: 'B-1', fromRunId: 'R-1', fromStepId: 'R-1/inspect' },
        fromState: 'todo',
        toState: 'skipped',
      }),
    ]);
  });
});
