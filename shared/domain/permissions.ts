import type { Permission, RoleName, User } from '../schemas/users';

const technician: readonly Permission[] = [
  'StartStep',
  'SignOffStep',
  'SkipStep',
  'FailStep',
  'HoldStep',
  'EnterStepFields',
  'InstallParts',
  'AddBuildRequirement',
];
const supervisor: readonly Permission[] = [
  ...technician,
  'ReopenStep',
  'UpdateRunBatch',
  'ViewReviewQueue',
  'ResolveReview',
];
const engineer: readonly Permission[] = [...supervisor, 'EditRedline'];
const admin: readonly Permission[] = [...engineer, 'ManageUsers', 'ManageStations'];

/** Each role holds every permission of the roles before it (the brief's initial roles). */
export const rolePermissions: Readonly<Record<RoleName, ReadonlySet<Permission>>> = {
  technician: new Set(technician),
  supervisor: new Set(supervisor),
  engineer: new Set(engineer),
  admin: new Set(admin),
};

const roleRank: Readonly<Record<RoleName, number>> = { technician: 0, supervisor: 1, engineer: 2, admin: 3 };

export function hasPermission(user: Pick<User, 'role' | 'active'>, permission: Permission): boolean {
  return user.active && rolePermissions[user.role].has(permission);
}

/** A step signed off by role R may be signed by anyone whose role is R or above. */
export function holdsRole(user: Pick<User, 'role'>, required: RoleName): boolean {
  return roleRank[user.role] >= roleRank[required];
}
