import { maxPullLimit, maxPushOperations, type PushResponse } from '../protocol/sync';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { PullsAhead } from './pullsAhead';
import type { FromWorker, PendingOperation, SyncStatus, ToWorker } from './messages';
import type { SyncTransport, TransportFailure } from './transport';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OnlineSignal {
  current(): boolean;
  /** Calls back on every change; returns an unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

export interface SyncWorkerDeps {
  transport: SyncTransport;
  now: () => number;
  timers: Timers;
  random: () => number;
  online: OnlineSignal;
  /** Delivers a message to the renderer. */
  send: (message: FromWorker) => void;
  pushChunk?: number;
  /** At most this many characters of operations in one push (see the default). */
  pushChars?: number;
  pullLimit?: number;
  /** Pull this often even without pokes, in case one was missed. */
  periodicPullMs?: number;
  backoff?: BackoffPolicy;
}

/** Thrown inside a cycle to end it; the failure decides what happens next. */
class CycleFailed extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.message);
  }
}

/**
 * The station's sync worker, the same class in Electron's main process and in a browser Web
 * Worker. It owns the network and the schedule; the renderer owns the database. It pushes the
 * outbox in order and in chunks, then pulls the feed to its head page by page, handing each page
 * to the renderer and waiting until it is committed. It runs on start, on every poke from the
 * server, when the station comes back online, after new operations, and on a timer; a transient
 * failure is retried with capped exponential backoff and jitter, a permanent one stops it until
 * a person acts. Only one cycle runs at a time, and nothing loops without waiting.
 */
export class SyncWorker {
  private readonly deps: Required<SyncWorkerDeps>;
  private pending: PendingOperation[] = [];
  /** Every sequence number below this is held by the server: hearing of those again changes nothing. */
  private acceptedBelow = 0;
  private cursor = 0;
  private started = false;
  private running = false;
  private rerun = false;
  private failures = 0;
  private retryTimer: unknown = null;
  private periodicTimer: unknown = null;
  private stopListening: (() => void) | null = null;
  private unsubscribeOnline: (() => void) | null = null;
  /** Pages handed to the renderer and not yet acknowledged, oldest first (at most two, see pullToHead). */
  private pageAcks: { cursor: number; resolve: () => void; fail: (failure: TransportFailure) => void }[] = [];
  /** The feed's head as the last push answer gave it: what may be pulled while the rest is pushed. */
  private pushedHead = 0;
  /** Wakes the pull that follows the pushes (a push answered, or the pushes ended). */
  private wakePuller: (() => void) | null = null;
  /** Pages were handed over as part of a catch-up (`more`) and the page that ends one has not followed yet. */
  private unsettled = false;
  private status: SyncStatus;

  constructor(deps: SyncWorkerDeps) {
    this.deps = {
      // The server's largest push: a long outbox drains in fewer round trips and commits.
      pushChunk: maxPushOperations,
      // The server refuses a body over 4 MiB, and a character is at most 3 bytes of UTF-8: a push of
      // 500 long redlines is split instead of refused (413 is permanent and would stop sync).
      pushChars: 1_250_000,
      // The largest page the server gives: per-page costs (a request, a transaction) are paid fewer times.
      pullLimit: maxPullLimit,
      periodicPullMs: 60_000,
      backoff: defaultBackoff,
      ...deps,
    };
    this.status = {
      online: deps.online.current(),
      phase: 'stopped',
      waiting: 0,
      lastSyncAt: null,
      lastError: null,
      retryAt: null,
    };
  }

  /** Handles one message from the renderer. */
  receive(message: ToWorker): void {
    switch (message.type) {
      case 'start':
        // The renderer's whole outbox: the authority on what still waits (after a restore, the
        // server may ask for more than it acknowledged before).
        this.acceptedBelow = 0;
        this.pending = [...message.pending].sort((a, b) => a.seq - b.seq);
        this.cursor = message.cursor;
        this.releasePageWait();
        this.begin();
        this.kick();
        break;
      case 'enqueued':
        this.addPending(message.pending);
        this.kick();
        break;
      case 'pageApplied':
        if (message.cursor > this.cursor) this.cursor = message.cursor;
        this.releasePageWait(message.cursor);
        break;
      case 'pageFailed': {
        // Waiting for an acknowledgement that will never come would stall sync until a restart:
        // the cycle fails instead, and the page is pulled again after the usual backoff.
        // An answer about a page already given up (a restart, or the refusal of a page handed
        // over after one that failed) changes nothing.
        if (!this.pageAcks.some((a) => a.cursor === message.cursor)) break;
        // A page handed over after it cannot follow either (the renderer refuses it): all fail.
        const acks = this.pageAcks;
        this.pageAcks = [];
        for (const ack of acks) ack.fail({ kind: 'transient', code: 'page_not_applied', message: message.message });
        break;
      }
      case 'syncNow':
        this.failures = 0;
        this.setStatus({ lastError: null });
        this.kick();
        break;
      case 'stop':
        this.end();
        break;
      default:
        message satisfies never;
    }
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribeOnline = this.deps.online.subscribe((online) => {
      this.setStatus({ online });
      if (online) {
        this.failures = 0;
        this.listen();
        this.kick();
      } else {
        this.closeListener();
      }
    });
    this.listen();
    this.schedulePeriodic();
  }

  private end(): void {
    this.started = false;
    this.unsubscribeOnline?.();
    this.unsubscribeOnline = null;
    this.closeListener();
    this.clearTimer('retryTimer');
    this.clearTimer('periodicTimer');
    this.releasePageWait();
    this.setStatus({ phase: 'stopped', retryAt: null });
  }

  private addPending(entries: readonly PendingOperation[]): void {
    // The common case, one new operation after the last: appended without rebuilding the queue
    // (which cost O(waiting) per operation saved during a long time offline).
    const last = this.pending[this.pending.length - 1]?.seq ?? -Infinity;
    const fresh = entries.filter((e) => e.seq >= this.acceptedBelow);
    if (fresh.every((e, i) => e.seq > (i === 0 ? last : (fresh[i - 1]?.seq ?? last)))) {
      this.pending.push(...fresh);
      this.setStatus({ waiting: this.pending.length });
      return;
    }
    const known = new Set(this.pending.map((p) => p.seq));
    for (const entry of entries) if (!known.has(entry.seq) && entry.seq >= this.acceptedBelow) this.pending.push(entry);
    this.pending.sort((a, b) => a.seq - b.seq);
    this.setStatus({ waiting: this.pending.length });
  }

  /** Starts a cycle now, or right after the one running. */
  private kick(): void {
    if (!this.started) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.clearTimer('retryTimer');
    void this.cycle();
  }

  private async cycle(): Promise<void> {
    this.running = true;
    try {
      do {
        this.rerun = false;
        if (!this.deps.online.current()) {
          this.setStatus({ phase: 'idle', online: false });
          return;
        }
        if (this.status.lastError?.permanent) return;
        await this.pushAll();
        await this.pullToHead();
        this.failures = 0;
        this.setStatus({ phase: 'idle', lastSyncAt: new Date(this.deps.now()).toISOString(), lastError: null, retryAt: null });
      } while (this.rerunRequested() && !this.stopped());
    } catch (error) {
      if (!(error instanceof CycleFailed)) throw error;
      this.fail(error.failure);
    } finally {
      this.running = false;
    }
  }

  private fail(failure: TransportFailure): void {
    if (failure.kind === 'permanent') {
      this.setStatus({ phase: 'stopped', lastError: { code: failure.code, message: failure.message, permanent: true }, retryAt: null });
      return;
    }
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.deps.backoff, this.deps.random);
    this.clearTimer('retryTimer');
    this.retryTimer = this.deps.timers.setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
    this.setStatus({
      phase: 'waiting',
      lastError: { code: failure.code, message: failure.message, permanent: false },
      retryAt: new Date(this.deps.now() + delay).toISOString(),
    });
  }

  /**
   * Pushes the outbox and, meanwhile, pulls what the server already holds: while the server
   * applies one chunk, the renderer commits the feed of the chunks before it, instead of the two
   * waiting for each other (a long outbox pushed, then its whole feed pulled). Both are done, or
   * have failed, before this returns, so nothing of a failed cycle goes on in the background.
   */
  private async pushAll(): Promise<void> {
    if (this.pending.length === 0) return;
    let pushing = true;
    const pushed = this.pushChunks().finally(() => {
      pushing = false;
      this.wake();
    });
    const [push, pull] = await Promise.allSettled([pushed, this.pullBehindPushes(() => pushing)]);
    if (push.status === 'rejected') throw push.reason;
    if (pull.status === 'rejected') throw pull.reason;
  }

  private async pushChunks(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped()) {
      this.setStatus({ phase: 'pushing', waiting: this.pending.length });
      const chunk = this.nextChunk();
      const result = await this.deps.transport.push({ entries: chunk.map(({ seq, op }) => ({ seq, op })) });
      if (result.ok) {
        this.accept(result.value);
        continue;
      }
      const { failure } = result;
      if (failure.kind !== 'gap') throw new CycleFailed(failure);
      // The server wants an earlier operation than the ones we hold: ask the renderer for its outbox.
      const head = this.pending[0];
      if (head && failure.resendFrom < head.seq) {
        this.acceptedBelow = failure.resendFrom;
        this.deps.send({ type: 'needOutbox' });
        throw new CycleFailed({ kind: 'transient', code: 'sequence_gap', message: failure.message });
      }
      this.dropBelow(failure.resendFrom);
    }
  }

  /** The next push: the first waiting operations, as many as the server takes in one request. */
  private nextChunk(): PendingOperation[] {
    const chunk: PendingOperation[] = [];
    let chars = 0;
    for (const entry of this.pending) {
      if (chunk.length === this.deps.pushChunk) break;
      chars += JSON.stringify(entry.op).length;
      // One operation alone always goes: the server says whether it is too large.
      if (chunk.length > 0 && chars > this.deps.pushChars) break;
      chunk.push(entry);
    }
    return chunk;
  }

  /**
   * While pushes go on, pulls the feed up to the head the last push answer named, with at most
   * two pages with the renderer as in pullToHead (the next is fetched while one commits). Every
   * such page is handed over with `more` set: more follows at once, so the renderer keeps its
   * optimistic writes on screen and rebases once, after the page that ends the catch-up (see
   * `settle`). Stops once the pushes end and its pages are answered; pullToHead takes over.
   */
  private async pullBehindPushes(pushing: () => boolean): Promise<void> {
    let since = this.cursor;
    /** As in pullToHead: the newest page handed over, while the renderer still has it. */
    let previous: Promise<void> | null = null;
    while (pushing() && !this.stopped()) {
      if (this.pushedHead <= since) {
        await new Promise<void>((resolve) => {
          this.wakePuller = resolve;
        });
        continue;
      }
      const result = await this.deps.transport.pull(since, this.deps.pullLimit);
      if (!result.ok) throw new CycleFailed(result.failure);
      const page = result.value;
      if (page.changes.length === 0 && page.outcomes.length === 0 && page.cursor <= since) break;
      this.unsettled = true;
      const from = since;
      const acked = this.handOver(page.cursor, () => {
        this.deps.send({ type: 'page', since: from, page: { ...page, more: true } });
      });
      previous = (await this.secondOut(previous, acked, from)) ? acked : null;
      since = previous === null ? this.cursor : page.cursor;
    }
    if (previous) await previous;
  }

  private wake(): void {
    const wake = this.wakePuller;
    this.wakePuller = null;
    wake?.();
  }

  /** The server holds everything below `nextSeq`: those leave the worker's queue (the outbox keeps them until pulled). */
  private accept(response: PushResponse): void {
    this.dropBelow(response.nextSeq);
    this.pushedHead = Math.max(this.pushedHead, response.head);
    this.wake();
  }

  private dropBelow(seq: number): void {
    this.acceptedBelow = Math.max(this.acceptedBelow, seq);
    this.pending = this.pending.filter((p) => p.seq >= seq);
    this.setStatus({ waiting: this.pending.length });
  }

  /**
   * Pulls page after page to the feed's head, keeping two pages with the renderer: while it
   * commits one, the next is already fetched, handed over and parsed, and the one after is on its
   * way (a catch-up is otherwise network, hand-over and commit one after another; on a bootstrap
   * of 68 pages the hand-overs alone waited 1.2 s). Each page names the cursor it follows
   * (`since`): the renderer refuses one that does not follow what it holds, so a page that failed
   * to commit is never skipped over. A page is thrown away when the renderer did not end up at the
   * cursor it was pulled from (it restarted, or was already further).
   */
  private async pullToHead(): Promise<void> {
    let since = this.cursor;
    const pulls = new PullsAhead(this.deps.transport, this.deps.pullLimit);
    let next = pulls.take(since);
    /** The acknowledgement of the newest page handed over, while the renderer still has it. */
    let previous: Promise<void> | null = null;
    for (;;) {
      if (this.stopped()) return;
      this.setStatus({ phase: 'pulling' });
      const result = await next;
      if (!result.ok) throw new CycleFailed(result.failure);
      const page = result.value;
      if (page.more) next = pulls.take(page.cursor);
      // The page after that one too, while this one is handed over and that one is read.
      pulls.askAfter(since, page);
      if (page.changes.length > 0 || page.outcomes.length > 0 || page.cursor > since) {
        const from = since;
        const acked = this.handOver(page.cursor, () => {
          this.deps.send({ type: 'page', since: from, page });
        });
        previous = (await this.secondOut(previous, acked, from)) ? acked : null;
        if (!page.more) this.unsettled = false;
      }
      if (!page.more) {
        if (previous) await previous;
        await this.settle(page.head);
        return;
      }
      if (previous === null && this.cursor !== page.cursor) {
        since = this.cursor;
        next = pulls.take(since);
      } else since = page.cursor;
    }
  }

  /**
   * Ends a catch-up whose last page said more would follow (pages pulled while pushing) with an
   * empty page that does not: the renderer undoes its optimistic writes and rebases what still
   * waits, as after any last page, even when the feed had nothing more to send.
   */
  private async settle(head: number): Promise<void> {
    if (!this.unsettled || this.stopped()) return;
    const cursor = this.cursor;
    await this.handOver(cursor, () => {
      this.deps.send({ type: 'page', since: cursor, page: { changes: [], outcomes: [], cursor, head: Math.max(head, cursor), more: false } });
    });
    this.unsettled = false;
  }

  /**
   * Keeps at most two pages with the renderer. With a page just handed over (answered by `acked`,
   * following `from`) and `before` the one out before it: waits for `before`. Committed, it leaves
   * the renderer at `from`; if it does not (the renderer restarted, or was further), waits for the
   * new page's answer too, so the caller starts again from wherever the renderer is. True while
   * the new page is still out.
   */
  private async secondOut(before: Promise<void> | null, acked: Promise<void>, from: number): Promise<boolean> {
    if (!before) return true;
    await before;
    if (this.cursor === from) return true;
    await acked;
    return false;
  }

  /** Sends a page; resolves once the renderer says it is committed (or restarts), rejects if it could not. */
  private handOver(cursor: number, send: () => void): Promise<void> {
    const answered = new Promise<void>((resolve, reject) => {
      this.pageAcks.push({
        cursor,
        resolve,
        fail: (failure) => {
          reject(new CycleFailed(failure));
        },
      });
      send();
    });
    // Two pages may be out, and one failing fails both: the one not being awaited then must not
    // count as an unhandled rejection (whoever awaits it still gets the failure).
    answered.catch(() => undefined);
    return answered;
  }

  /** Resolves the pages the renderer has committed: those ending at or before `cursor` (all, without one). */
  private releasePageWait(cursor = Infinity): void {
    const done = this.pageAcks.filter((a) => a.cursor <= cursor);
    this.pageAcks = this.pageAcks.filter((a) => a.cursor > cursor);
    for (const ack of done) ack.resolve();
  }

  private listen(): void {
    if (this.stopListening || !this.deps.online.current()) return;
    this.stopListening = this.deps.transport.listen(
      (poke) => {
        if (poke.head > this.cursor) this.kick();
      },
      (failure) => {
        this.stopListening = null;
        if (!this.started) return;
        // Reconnect after a pause, and catch up on what the stream may have missed meanwhile.
        const delay = backoffDelay(Math.max(this.failures, 1), this.deps.backoff, this.deps.random);
        this.deps.timers.setTimeout(() => {
          if (this.started && failure.kind !== 'permanent') {
            this.listen();
            this.kick();
          }
        }, delay);
      },
    );
  }

  private closeListener(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  private schedulePeriodic(): void {
    this.clearTimer('periodicTimer');
    this.periodicTimer = this.deps.timers.setTimeout(() => {
      this.periodicTimer = null;
      if (!this.started) return;
      this.kick();
      this.schedulePeriodic();
    }, this.deps.periodicPullMs);
  }

  private clearTimer(which: 'retryTimer' | 'periodicTimer'): void {
    if (this[which] !== null) this.deps.timers.clearTimeout(this[which]);
    this[which] = null;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.send({ type: 'status', status: this.status });
  }

  /** Read through a method: `kick` may set it while a cycle awaits the network. */
  private rerunRequested(): boolean {
    return this.rerun;
  }

  /** Read through a method: `stop` may arrive while a cycle awaits the network. */
  private stopped(): boolean {
    return !this.started;
  }

  /** The current status, for hosts that answer status requests. */
  currentStatus(): SyncStatus {
    return this.status;
  }
}
