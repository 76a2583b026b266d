import { describe, expect, it } from 'vitest';
import { hasPermission, holdsRole, rolePermissions } from '../../shared/domain/permissions';
import { Permission } from '../../shared/schemas/users';
import { Plant, users } from './fixtures';

describe('permissions', () => {
  it('each role holds every permission of the roles before it; admins hold all', () => {
    expect([...rolePermissions.admin].sort()).toEqual([...Permission.options].sort());
    for (const p of rolePermissions.technician) expect(rolePermissions.supervisor.has(p)).toBe(true);
    for (const p of rolePermissions.supervisor) expect(rolePermissions.engineer.has(p)).toBe(true);
  });

  it('technicians execute steps and install parts but cannot reopen, batch or redline', () => {
    expect(hasPermission(users.tech, 'SignOffStep')).toBe(true);
    expect(hasPermission(users.tech, 'InstallParts')).toBe(true);
    expect(hasPermission(users.tech, 'ReopenStep')).toBe(false);
    expect(hasPermission(users.tech, 'UpdateRunBatch')).toBe(false);
    expect(hasPermission(users.tech, 'EditRedline')).toBe(false);
    expect(hasPermission(users.sup, 'UpdateRunBatch')).toBe(true);
    expect(hasPermission(users.eng, 'EditRedline')).toBe(true);
  });

  it('a deactivated user holds no permission', () => {
    expect(hasPermission(users.gone, 'StartStep')).toBe(false);
  });

  it('a higher role may sign a step that needs a lower one, not the other way round', () => {
    expect(holdsRole(users.sup, 'technician')).toBe(true);
    expect(holdsRole(users.tech, 'supervisor')).toBe(false);
  });

  it('a refused operation names the missing permission and changes nothing', () => {
    const plant = new Plant();
    const before = plant.state;
    const batch = plant.apply(plant.batchOp('createBatch', { batchId: 'B-1', runIds: ['R-1', 'R-2'], title: null }, 'tech'));
    expect(batch.outcome).toEqual({ status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the UpdateRunBatch permission' });
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const reopen = plant.apply(plant.stepOp('reopen', 'R-1', 'inspect', { reason: 'x' }, 'tech'));
    expect(reopen.outcome).toEqual({ status: 'rejected', code: 'permission_denied', reason: 'Ana Ortiz does not have the ReopenStep permission' });
    expect(batch.changes).toEqual([]);
    expect(before.batches.size).toBe(0);
  });

  it('refuses unknown and deactivated actors', () => {
    const plant = new Plant();
    const ghost = { ...plant.stepOp('start', 'R-1', 'inspect', {}), actorId: 'u-nobody' };
    expect(plant.apply(ghost).outcome).toEqual({ status: 'rejected', code: 'unknown_user', reason: 'User u-nobody does not exist' });
    const gone = plant.apply(plant.stepOp('start', 'R-1', 'inspect', {}, 'gone'));
    expect(gone.outcome).toEqual({ status: 'rejected', code: 'permission_denied', reason: "Former Employee's account is deactivated" });
  });

  it('refuses unknown runs and steps, and a step named through another run', () => {
    const plant = new Plant();
    const op = plant.stepOp('start', 'R-1', 'inspect', {});
    expect(plant.apply({ ...op, runId: 'R-404' }).outcome).toMatchObject({ code: 'unknown_run' });
    expect(plant.apply({ ...op, stepId: 'R-1/nope' }).outcome).toMatchObject({ code: 'unknown_step' });
    expect(plant.apply({ ...op, stepId: 'R-2/inspect' }).outcome).toEqual({
      status: 'rejected',
      code: 'unknown_step',
      reason: 'Run R-1 has no step R-2/inspect',
    });
  });
});
