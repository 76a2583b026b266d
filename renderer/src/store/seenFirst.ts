import type { ScopeNeeds, ScopeRows } from '../../../shared/engine/scope';
import type { Operation } from '../../../shared/schemas/operation';

type Load = (needs: ScopeNeeds) => Promise<ScopeRows>;

/**
 * A loader whose first read also takes what the operation's author saw: the batch and its
 * members. The scope asks for them one round after another (the run, then its batch, then the
 * batch's members, each waiting for the last); asked for at once, a batch's runs are read in one
 * wave, and together, so runRangeReads.ts can read them as one range. It changes no outcome: when
 * the run is still in that batch the scope reads all of them anyway (the members that stayed as
 * the batch's, the others as left out); otherwise they are rows the engine never looks up (it
 * reads by id, and scope.ts still asks, round by round, for whatever it needs and lacks).
 */
export function seenFirst(op: Operation, load: Load): Load {
  let first = true;
  return (needs) => {
    const ask = first && 'seen' in op && op.seen.batchId !== null ? withSeen(needs, op.seen.batchId, op.seen.batchMembers) : needs;
    first = false;
    return load(ask);
  };
}

function withSeen(needs: ScopeNeeds, batchId: string, members: readonly string[]): ScopeNeeds {
  return {
    ...needs,
    runIds: [...new Set([...needs.runIds, ...members])],
    batchIds: [...new Set([...needs.batchIds, batchId])],
  };
}
