import { hasPermission } from '../../shared/domain/permissions';
import type { Permission, User } from '../../shared/schemas/users';
import { ApiError } from '../apiError';
import type { Store } from '../storage/store';

/**
 * The user a station vouches for on a request outside the operation stream (review queue,
 * enrolment codes): they must exist, be active, and hold the permission, which a refusal names.
 */
export function requireActor(store: Store, actorId: string, permission: Permission): User {
  const user = store.identity.user(actorId);
  if (!user) throw new ApiError('unknown_user', `User ${actorId} does not exist`);
  if (!hasPermission(user, permission)) {
    const why = user.active ? `does not have the ${permission} permission` : `is deactivated, so lacks the ${permission} permission`;
    throw new ApiError('permission_denied', `${user.name} ${why}`, { permission });
  }
  return user;
}
