import * as z from 'zod';
import { Batch } from '../schemas/batch';
import { Id, Instant } from '../schemas/common';
import { Review } from '../schemas/review';
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

/** GET /v1/review queries name the user asking: the station vouches for them. */
export const ActorQuery = z.object({ actorId: Id });

/**
 * One decision a supervisor must take, with both sides: the review row (the operation as its
 * author sent it, with what they saw, and the server's side when it arrived), when the server
 * received the operation, and the run and step as they stand now. Resolving is the resolveReview
 * operation, pushed like any other: there is no resolve endpoint.
 */
export const ReviewItem = z.object({
  review: Review,
  receivedAt: Instant.nullable(),
  now: z.object({ run: Run.nullable(), step: RunStep.nullable() }),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewQuery = ActorQuery.extend({ include: z.enum(['open', 'all']).default('open') });
