import { hasPermission } from '../domain/permissions';
import type { BatchOperation, Operation } from '../schemas/operation';
import type { User } from '../schemas/users';
import { applyStepOperation } from './applyStepOperation';
import { addRunsToBatch, createBatch, removeRunFromBatch, renameBatch, unbatchAll } from './batchOperations';
import { Draft } from './draft';
import { resolveReview } from './resolveReview';
import { rejected, type ApplyResult } from './result';
import type { EngineState } from './state';

/**
 * The engine: applies one operation to a state and returns its outcome and the writes it makes.
 * Pure and deterministic: it reads only its arguments (no clock, no randomness, no I/O), derives
 * every new id from the operation's id, and never modifies the state it is given. Station and
 * server both run it, so the same operations in the same order give the same state.
 */
export function applyOperation(state: EngineState, op: Operation): ApplyResult {
  const actor = state.users.get(op.actorId);
  if (!actor) return rejected('unknown_user', `User ${op.actorId} does not exist`);
  if (!actor.active) return rejected('permission_denied', `${actor.name}'s account is deactivated`);
  const draft = new Draft(state);
  switch (op.kind) {
    case 'createBatch':
    case 'addRunsToBatch':
    case 'removeRunFromBatch':
    case 'renameBatch':
    case 'unbatchAll':
      if (!hasPermission(actor, 'UpdateRunBatch')) {
        return rejected('permission_denied', `${actor.name} does not have the UpdateRunBatch permission`);
      }
      return applyBatchOperation(draft, op, actor);
    case 'start':
    case 'signOff':
    case 'skip':
    case 'fail':
    case 'reopen':
    case 'hold':
    case 'release':
    case 'enterFields':
    case 'redlineOpen':
    case 'redlineEdit':
    case 'redlineFinish':
    case 'redlineCancel':
    case 'addBuildRequirement':
    case 'applyBuildRequirementToBatch':
    case 'recordInstall':
      return applyStepOperation(draft, op, actor);
    case 'resolveReview':
      return resolveReview(draft, op, actor);
    default:
      return op satisfies never;
  }
}

function applyBatchOperation(draft: Draft, op: BatchOperation, actor: User): ApplyResult {
  switch (op.kind) {
    case 'createBatch':
      return createBatch(draft, op, actor);
    case 'addRunsToBatch':
      return addRunsToBatch(draft, op, actor);
    case 'removeRunFromBatch':
      return removeRunFromBatch(draft, op, actor);
    case 'renameBatch':
      return renameBatch(draft, op, actor);
    case 'unbatchAll':
      return unbatchAll(draft, op, actor);
    default:
      return op satisfies never;
  }
}
