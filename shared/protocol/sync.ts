import * as z from 'zod';
import { AuditEntry } from '../schemas/audit';
import { Batch } from '../schemas/batch';
import { Id, Instant } from '../schemas/common';
import { Outcome } from '../schemas/outcome';
import { Run, RunStep } from '../schemas/run';
import { ProcedureVersion } from '../schemas/procedure';
import { Review } from '../schemas/review';
import { Signature } from '../schemas/signature';
import { User } from '../schemas/users';

/** At most this many operations in one push; a station sends its outbox in chunks. */
export const maxPushOperations = 500;
/** At most this many feed entries in one pull page. */
export const maxPullLimit = 2000;

/**
 * One outbox entry: the station's gap-free sequence number (1, 2, 3, ... per station) and the
 * operation. The operation is parsed on its own against the shared Operation schema, so that a
 * refusal can name the entry and field at fault.
 */
export const PushEntry = z.object({
  seq: z.number().int().positive(),
  op: z.unknown(),
});

/** POST /v1/sync/push. Entries in order, with consecutive sequence numbers. */
export const PushRequest = z.object({
  entries: z
    .array(PushEntry)
    .min(1, 'push at least one operation')
    .max(maxPushOperations, `push at most ${String(maxPushOperations)} operations at once`)
    .refine((entries) => entries.every((e, i) => i === 0 || e.seq === (entries[i - 1]?.seq ?? 0) + 1), {
      message: 'sequence numbers must be consecutive and ascending',
    }),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResult = z.object({
  seq: z.number().int().positive(),
  operationId: Id,
  outcome: Outcome,
  /** True when the server already had this operation: the outcome is the one recorded then. */
  duplicate: z.boolean(),
  /** Where the operation's outcome sits in the feed: pulling past it brings all its effects. */
  feedSeq: z.number().int().nonnegative(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({
  results: z.array(PushResult),
  /** The next sequence number the server expects from this station. */
  nextSeq: z.number().int().positive(),
  /** The feed's head after this push. */
  head: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** GET /v1/sync/pull?since=N&limit=M */
export const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(500),
});
export type PullQuery = z.infer<typeof PullQuery>;

const feedBase = { seq: z.number().int().positive(), committedAt: Instant };

/**
 * One change in the feed, as the row stands now (a later change to the same row appears again
 * further on), or a tombstone. Audit rows carry the server's receive time beside the row.
 */
export const FeedEntry = z.discriminatedUnion('entity', [
  z.object({ ...feedBase, entity: z.literal('run'), op: z.literal('put'), row: Run }),
  z.object({ ...feedBase, entity: z.literal('runStep'), op: z.literal('put'), row: RunStep }),
  z.object({ ...feedBase, entity: z.literal('batch'), op: z.enum(['put', 'delete']), id: Id, row: Batch.nullable() }),
  z.object({ ...feedBase, entity: z.literal('signature'), op: z.literal('put'), row: Signature }),
  z.object({ ...feedBase, entity: z.literal('audit'), op: z.literal('put'), row: AuditEntry, receivedAt: Instant }),
  z.object({ ...feedBase, entity: z.literal('review'), op: z.literal('put'), row: Review }),
  // Reference rows a station needs to work offline: released procedures and people's public profiles.
  z.object({ ...feedBase, entity: z.literal('procedure'), op: z.literal('put'), row: ProcedureVersion }),
  z.object({ ...feedBase, entity: z.literal('user'), op: z.literal('put'), row: User }),
]);
export type FeedEntry = z.infer<typeof FeedEntry>;

/** The outcome of one of the pulling station's own operations, at its place in the feed. */
export const StationOutcome = z.object({
  seq: z.number().int().positive(),
  stationSeq: z.number().int().positive(),
  operationId: Id,
  outcome: Outcome,
});
export type StationOutcome = z.infer<typeof StationOutcome>;

export const PullResponse = z.object({
  changes: z.array(FeedEntry),
  outcomes: z.array(StationOutcome),
  /** Pass as `since` next time: the last feed position this page covers. */
  cursor: z.number().int().nonnegative(),
  head: z.number().int().nonnegative(),
  /** True when the feed holds more after `cursor`. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** The server-sent event that pokes a station: the feed moved to `head`. */
export const FeedPoke = z.object({ head: z.number().int().nonnegative() });
export type FeedPoke = z.infer<typeof FeedPoke>;
