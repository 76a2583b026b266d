import { describe, expect, it } from 'vitest';
import { Plant } from './fixtures';

const ready = () => {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
  return plant;
};

describe('build requirements and installs', () => {
  it('adds a build requirement to this run only', () => {
    const plant = ready();
    const op = plant.stepOp('addBuildRequirement', 'R-1', 'connector', { requirement: { partNumber: 'SCREW-M3', quantity: 4, tracking: 'none' } });
    const result = plant.must(op);
    expect(result.outcome).toEqual({ status: 'applied', note: null, propagatedTo: [] });
    expect(plant.step('R-1', 'connector').buildRequirements.map((r) => r.partNumber)).toEqual(['CONN-12', 'SCREW-M3']);
    expect(plant.step('R-2', 'connector').buildRequirements.map((r) => r.partNumber)).toEqual(['CONN-12']);
  });

  it('applies it to the runs in the batch only when asked, as copies that name their source', () => {
    const plant = ready();
    const add = plant.stepOp('addBuildRequirement', 'R-1', 'connector', { requirement: { partNumber: 'SCREW-M3', quantity: 4, tracking: 'none' } });
    plant.must(add);
    const result = plant.must(plant.stepOp('applyBuildRequirementToBatch', 'R-1', 'connector', { requirementId: add.id }));
    expect(result.outcome).toMatchObject({ status: 'applied', propagatedTo: [{ runId: 'R-2' }, { runId: 'R-3' }] });
    expect(plant.step('R-2', 'connector').buildRequirements[1]).toEqual({
      id: `${add.id}@R-2`,
      partNumber: 'SCREW-M3',
      quantity: 4,
      tracking: 'none',
      copiedFrom: add.id,
    });
    const again = plant.must(plant.stepOp('applyBuildRequirementToBatch', 'R-1', 'connector', { requirementId: add.id }));
    expect(again.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [],
      excluded: [{ runId: 'R-2', reason: 'SCREW-M3 is already on this run' }, { runId: 'R-3' }],
    });
  });

  it('records serial installs per unit and never cascades them', () => {
    const plant = ready();
    plant.must(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-0001', lot: null, quantity: 1 }));
    expect(plant.step('R-1', 'connector').installs).toMatchObject([{ serial: 'C-0001', installedBy: 'u-tech', stationId: 'ST-1' }]);
    expect(plant.step('R-2', 'connector').installs).toEqual([]);
  });

  it('a propagated sign-off is excluded where the sibling lacks its own installs', () => {
    const plant = ready();
    plant.must(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-1', lot: null, quantity: 1 }));
    plant.must(plant.stepOp('recordInstall', 'R-2', 'connector', { requirementId: 'req-conn', serial: 'C-2', lot: null, quantity: 1 }));
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'connector', { meaning: 'performed', fieldValues: {} }));
    expect(result.outcome).toMatchObject({
      status: 'applied_with_exclusions',
      propagatedTo: [{ runId: 'R-2' }],
      excluded: [{ runId: 'R-3', reason: 'Install 1 more of CONN-12 first', review: false }],
    });
  });

  it('checks what the part tracking asks for and never over-installs', () => {
    const plant = ready();
    const noSerial = plant.apply(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: null, lot: 'L-1', quantity: 1 }));
    expect(noSerial.outcome).toEqual({
      status: 'rejected',
      code: 'invalid_input',
      reason: 'CONN-12 is serial-tracked: install one unit with its serial number',
    });
    plant.must(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-1', lot: null, quantity: 1 }));
    const extra = plant.apply(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-2', lot: null, quantity: 1 }));
    expect(extra.outcome).toEqual({ status: 'rejected', code: 'invalid_input', reason: 'Only 0 more of CONN-12 are needed' });
    const unknown = plant.apply(plant.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'nope', serial: 'C-3', lot: null, quantity: 1 }));
    expect(unknown.outcome).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses parts on a completed step', () => {
    const plant = ready();
    const result = plant.apply(plant.stepOp('addBuildRequirement', 'R-1', 'inspect', { requirement: { partNumber: 'X', quantity: 1, tracking: 'none' } }));
    expect(result.outcome).toEqual({
      status: 'rejected',
      code: 'invalid_transition',
      reason: 'Cannot add a part on step 1 "Inspect board": it is complete',
    });
  });
});
