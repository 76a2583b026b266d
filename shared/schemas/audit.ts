import * as z from 'zod';
import { Id, Instant } from './common';
import { StepState } from './run';
import { Provenance } from './signature';

/**
 * One line of the append-only audit trail. Every change the engine makes to a step or a batch
 * comes with one; the server adds when it received the operation.
 */
export const AuditEntry = z.object({
  id: Id,
  operationId: Id,
  action: z.string(),
  actorId: Id,
  actorName: z.string(),
  stationId: Id,
  /** The station's clock when the person acted: recorded, never used to order. */
  at: Instant,
  runId: Id.nullable(),
  stepId: Id.nullable(),
  batchId: Id.nullable(),
  fromState: StepState.nullable(),
  toState: StepState.nullable(),
  reason: z.string().nullable(),
  provenance: Provenance.nullable(),
  detail: z.record(z.string(), z.json()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
