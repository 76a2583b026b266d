import type { Operation } from '../schemas/operation';
import type { PullResponse } from '../protocol/sync';

/** One operation waiting in the station's outbox, with its per-station sequence number. */
export interface PendingOperation {
  seq: number;
  op: Operation;
}

/** Where the worker is. `retryAt` is set while it waits to try again after a failure. */
export interface SyncStatus {
  online: boolean;
  phase: 'idle' | 'pushing' | 'pulling' | 'waiting' | 'stopped';
  /** Operations handed to the worker and not yet accepted by the server. */
  waiting: number;
  /** When the station last reached the head of the server's feed (ISO time), or null. */
  lastSyncAt: string | null;
  lastError: { code: string; message: string; permanent: boolean } | null;
  retryAt: string | null;
}

/** What the renderer tells the worker. */
export type ToWorker =
  /** On start and whenever the renderer re-reads its outbox: every pending operation and the cursor. */
  | { type: 'start'; pending: PendingOperation[]; cursor: number }
  /** Operations just committed to the outbox. */
  | { type: 'enqueued'; pending: PendingOperation[] }
  /** The renderer committed the page that ends at this cursor. */
  | { type: 'pageApplied'; cursor: number }
  /** The renderer could not commit the page that ends at this cursor: the worker retries later. */
  | { type: 'pageFailed'; cursor: number; message: string }
  /** A person asked to sync now (also clears a permanent error to try again). */
  | { type: 'syncNow' }
  | { type: 'stop' };

/** What the worker tells the renderer. */
export type FromWorker =
  /**
   * A page of the feed to apply in one transaction, then answer with `pageApplied`. It covers the
   * feed after `since`: a renderer whose cursor is below `since` (a page before it did not commit)
   * answers `pageFailed` and applies nothing.
   */
  | { type: 'page'; since: number; page: PullResponse }
  | { type: 'status'; status: SyncStatus }
  /** The server needs operations the worker no longer holds: send `start` again with the outbox. */
  | { type: 'needOutbox' };
