import type { AuditEntry } from './audit';
import type { Batch } from './batch';
import type { Review } from './review';
import type { Run, RunStep } from './run';
import type { Signature } from './signature';

/**
 * What applying an operation writes: full rows, or the removal of one. The server stores them
 * and appends them to its change feed; the station applies them to its cache.
 * Signatures and audit entries are only ever put, never replaced or deleted. A review row is put
 * when raised and put again, once, when resolved.
 */
export type Change =
  | { entity: 'run'; op: 'put'; row: Run }
  | { entity: 'runStep'; op: 'put'; row: RunStep }
  | { entity: 'batch'; op: 'put'; row: Batch }
  | { entity: 'batch'; op: 'delete'; id: string }
  | { entity: 'signature'; op: 'put'; row: Signature }
  | { entity: 'audit'; op: 'put'; row: AuditEntry }
  | { entity: 'review'; op: 'put'; row: Review };

export type EntityName = Change['entity'];
