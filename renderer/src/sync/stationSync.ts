import { liveQuery } from 'dexie';
import type { FromWorker, PendingOperation, SyncStatus, ToWorker } from '../../../shared/sync/messages';
import type { StationDb } from '../store/db';
import { applyServerPage, currentCursor, settleLeftShadows } from '../store/serverPage';
import { toServerPage } from './feedPage';

/**
 * The renderer's side of sync: the only writer of the station database answers the worker.
 * It hands the worker the outbox and cursor, commits each page it receives in one transaction
 * before acknowledging it, and tells the worker about each newly saved operation.
 */
export class StationSync {
  private chain: Promise<void> = Promise.resolve();
  private savedSyncAt: string | null = null;
  private closed = false;
  /** The highest outbox seq handed to the worker: the watch reads only what came after it. */
  private postedThrough = 0;

  constructor(
    private readonly db: StationDb,
    private readonly post: (message: ToWorker) => void,
    private readonly onStatus: (status: SyncStatus) => void = () => undefined,
    /** A page that could not be committed is not acknowledged: the worker gets it again after `start`. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Stops handling messages: the renderer is going away and its database is closing. */
  close(): void {
    this.closed = true;
  }

  /**
   * Sends the whole outbox and the cursor: on start, and whenever the worker asks. Optimistic
   * writes an interrupted catch-up left with nothing waiting are undone first (settleLeftShadows).
   */
  async start(): Promise<void> {
    await settleLeftShadows(this.db);
    const [entries, cursor] = await Promise.all([this.db.outbox.orderBy('seq').toArray(), currentCursor(this.db)]);
    this.post({ type: 'start', pending: entries.map(({ seq, op }) => ({ seq, op })), cursor });
  }

  /**
   * Follows the outbox after every commit, from any screen or tab, and hands the worker what was
   * added since it last did (the worker ignores what it already has or the server already holds).
   * Reading the whole outbox after every commit cost a day offline's worth of rows per operation
   * saved (2,000 queued: 38 ms each). Returns the function that stops following.
   */
  watchOutbox(): () => void {
    const subscription = liveQuery(() => this.db.outbox.where('seq').above(this.postedThrough).toArray()).subscribe({
      next: (entries) => {
        const last = entries[entries.length - 1];
        if (this.closed || !last) return;
        this.postedThrough = Math.max(this.postedThrough, last.seq);
        this.post({ type: 'enqueued', pending: entries.map(({ seq, op }) => ({ seq, op })) });
      },
      error: (error: unknown) => {
        this.onError(error);
      },
    });
    return () => {
      subscription.unsubscribe();
    };
  }

  /** After `enqueue` committed an operation. */
  enqueued(entry: PendingOperation): void {
    this.post({ type: 'enqueued', pending: [entry] });
  }

  /** Handles a worker message; pages are applied one after another, in arrival order. */
  receive(message: FromWorker): Promise<void> {
    this.chain = this.chain
      .then(() => this.handle(message))
      .catch((error: unknown) => {
        if (!this.closed) this.onError(error);
      });
    return this.chain;
  }

  private async handle(message: FromWorker): Promise<void> {
    if (this.closed) return;
    switch (message.type) {
      case 'page': {
        try {
          await applyServerPage(this.db, toServerPage(message.page, message.since));
        } catch (error) {
          // The transaction rolled back, so the cache is as it was: tell the worker, which pulls
          // the page again later, instead of leaving it waiting for an answer. A page that does
          // not follow the cursor (one before it failed) is refused the same way.
          this.post({ type: 'pageFailed', cursor: message.page.cursor, message: error instanceof Error ? error.message : String(error) });
          throw error;
        }
        this.post({ type: 'pageApplied', cursor: message.page.cursor });
        return;
      }
      case 'status':
        if (message.status.lastSyncAt !== null && message.status.lastSyncAt !== this.savedSyncAt) {
          this.savedSyncAt = message.status.lastSyncAt;
          await this.db.meta.put({ key: 'lastSyncAt', value: message.status.lastSyncAt });
        }
        this.onStatus(message.status);
        return;
      case 'needOutbox':
        await this.start();
        return;
      default:
        message satisfies never;
    }
  }
}
