import * as z from 'zod';
import { Batch } from '../schemas/batch';
import { Id, Instant } from '../schemas/common';
import { Operation } from '../schemas/operation';
import { Outcome } from '../schemas/outcome';
import { Run, RunStatus, RunStep } from '../schemas/run';
import { Signature } from '../schemas/signature';

/** A page of a longer list: pass `nextCursor` back as `cursor` for the next one. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative() });

export const RunSort = z.enum(['createdAt', 'updatedAt', 'id', 'title', 'status', 'unitSerial']);
export type RunSort = z.infer<typeof RunSort>;

/** GET /v1/runs query. `batch=none` lists runs in no batch. */
export const RunsQuery = z.object({
  status: RunStatus.optional(),
  procedure: Id.optional(),
  batch: Id.optional(),
  q: z.string().trim().min(1).max(120).optional(),
  sort: RunSort.default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
});
export type RunsQuery = z.infer<typeof RunsQuery>;

export const RunsPage = pageOf(Run);
export type RunsPage = z.infer<typeof RunsPage>;

export const RunDetail = z.object({ run: Run, steps: z.array(RunStep), signatures: z.array(Signature) });
export type RunDetail = z.infer<typeof RunDetail>;

export const BatchMember = z.object({ id: Id, title: z.string(), unitSerial: z.string(), status: RunStatus });
export const BatchWithMembers = z.object({ batch: Batch, members: z.array(BatchMember) });
export type BatchWithMembers = z.infer<typeof BatchWithMembers>;

export const ProcedureSummary = z.object({
  id: Id,
  procedureId: Id,
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'released']),
  stepCount: z.number().int(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** GET /v1/review and /v1/review/... queries name the user asking: the station vouches for them. */
export const ActorQuery = z.object({ actorId: Id });

/**
 * One operation a supervisor must look at, with both sides: the operation as its author sent it
 * (with what they saw), the outcome the server recorded (with the step as it stood then), and
 * the rows it concerns as they stand now.
 */
export const ReviewItem = z.object({
  operationId: Id,
  stationId: Id,
  stationSeq: z.number().int(),
  receivedAt: Instant,
  operation: Operation,
  outcome: Outcome,
  now: z.object({ steps: z.array(RunStep), runs: z.array(Run) }),
  resolution: z.object({ by: Id, byName: z.string(), note: z.string(), at: Instant }).nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewQuery = ActorQuery.extend({ include: z.enum(['open', 'all']).default('open') });

export const ResolveReviewRequest = z.object({ actorId: Id, note: z.string().trim().min(1).max(2000) });
