import type { PullResponse } from '../protocol/sync';
import type { SyncTransport, TransportResult } from './transport';

type Pulled = Promise<TransportResult<PullResponse>>;

/**
 * Pulls of the feed asked for before they are needed, so that the server reads one page while
 * the worker parses and checks the one before (a 100,000-run bootstrap spent 1.9 s waiting for
 * the server and 1.7 s parsing and checking, one after the other: docs/sync.md). A pull asked for
 * ahead is a guess at where a page will start. It is used only if the page before it ended
 * exactly there, and dropped unread otherwise, so asking ahead never skips or repeats a row.
 */
export class PullsAhead {
  private ahead: { since: number; pulled: Pulled } | null = null;

  constructor(
    private readonly transport: SyncTransport,
    private readonly limit: number,
  ) {}

  /** The page from `since`: the pull asked for ahead if it starts there, else one asked for now. */
  take(since: number): Pulled {
    const ahead = this.ahead;
    this.ahead = null;
    return ahead?.since === since ? ahead.pulled : this.transport.pull(since, this.limit);
  }

  /**
   * After a page pulled from `since`: if it came full and more follows, asks now for the page
   * after the next, guessing the next is full too. Feed positions are numbered without gaps, so
   * a full page ends `limit` positions on; a position given up by a failed write (a PostgreSQL
   * sequence may) ends it elsewhere, and `take` drops the guess. Nothing at or past the head.
   */
  askAfter(since: number, page: PullResponse): void {
    if (!page.more || page.cursor - since !== this.limit) return;
    const next = page.cursor + this.limit;
    if (next >= page.head) return;
    const pulled = this.transport.pull(next, this.limit);
    // A pull dropped unread must not surface as an unhandled rejection; one taken still rejects.
    pulled.catch(() => undefined);
    this.ahead = { since: next, pulled };
  }
}
