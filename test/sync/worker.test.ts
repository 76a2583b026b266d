import { describe, expect, it } from 'vitest';
import type { PullResponse, PushRequest, PushResponse } from '../../shared/protocol/sync';
import { backoffDelay } from '../../shared/sync/backoff';
import type { PendingOperation } from '../../shared/sync/messages';
import type { SyncTransport, TransportFailure, TransportResult } from '../../shared/sync/transport';
import { SyncWorker } from '../../shared/sync/worker';
import { Plant } from '../shared/fixtures';
import { Inbox, ManualOnline, ManualTime, settle } from './fakeEdges';

/**
 * The worker's schedule against a scripted server. The network is the edge faked here; the
 * end-to-end behaviour against the real server is in sync.integration.test.ts.
 */
class ScriptedServer implements SyncTransport {
  pushes: PushRequest[] = [];
  pulls: number[] = [];
  pushFailures: TransportFailure[] = [];
  pullFailures: TransportFailure[] = [];
  head = 0;
  received = 0;
  pokes: ((head: number) => void)[] = [];

  push(request: PushRequest): Promise<TransportResult<PushResponse>> {
    this.pushes.push(request);
    const failure = this.pushFailures.shift();
    if (failure) return Promise.resolve({ ok: false, failure });
    const last = request.entries[request.entries.length - 1]?.seq ?? this.received;
    this.received = last;
    this.head += request.entries.length;
    return Promise.resolve({ ok: true, value: { results: [], nextSeq: last + 1, head: this.head } });
  }

  pull(since: number, limit: number): Promise<TransportResult<PullResponse>> {
    this.pulls.push(since);
    const failure = this.pullFailures.shift();
    if (failure) return Promise.resolve({ ok: false, failure });
    const cursor = Math.min(this.head, since + limit);
    return Promise.resolve({ ok: true, value: { changes: [], outcomes: [], cursor, head: this.head, more: cursor < this.head } });
  }

  listen(onPoke: (poke: { head: number }) => void): () => void {
    const poke = (head: number) => {
      onPoke({ head });
    };
    this.pokes.push(poke);
    return () => {
      this.pokes = this.pokes.filter((p) => p !== poke);
    };
  }
}

/** `acknowledge: false`: the renderer leaves pages unanswered, for the test to answer (or not). */
function setUp(options: { online?: boolean; pushChunk?: number; pullLimit?: number; acknowledge?: boolean } = {}) {
  const server = new ScriptedServer();
  const time = new ManualTime();
  const online = new ManualOnline(options.online ?? true);
  const inbox = new Inbox();
  const worker = new SyncWorker({
    transport: server,
    now: () => time.now,
    timers: time,
    random: () => 0.5,
    online,
    send: (m) => {
      inbox.send(m);
      // The renderer commits each page at once.
      if (m.type === 'page' && options.acknowledge !== false) queueMicrotask(() => {
        worker.receive({ type: 'pageApplied', cursor: m.page.cursor });
      });
    },
    backoff: { baseMs: 1000, maxMs: 8000 },
    periodicPullMs: 60_000,
    ...(options.pushChunk === undefined ? {} : { pushChunk: options.pushChunk }),
    ...(options.pullLimit === undefined ? {} : { pullLimit: options.pullLimit }),
  });
  return { server, time, online, inbox, worker };
}

function pending(count: number, from = 1): PendingOperation[] {
  const plant = new Plant();
  return Array.from({ length: count }, (_, i) => ({ seq: from + i, op: plant.stepOp('start', 'R-1', 'inspect', {}) }));
}

const transient: TransportFailure = { kind: 'transient', code: 'network', message: 'The server cannot be reached' };

describe('sync worker', () => {
  it('pushes the outbox in order and in chunks, then pulls the feed to its head page by page', async () => {
    const { server, inbox, worker } = setUp({ pushChunk: 2, pullLimit: 2 });
    worker.receive({ type: 'start', pending: pending(5), cursor: 0 });
    await settle();
    expect(server.pushes.map((p) => p.entries.map((e) => e.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(server.pulls).toEqual([0, 2, 4]);
    expect(inbox.of('page').map((m) => m.page.cursor)).toEqual([2, 4, 5]);
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null, lastSyncAt: '2026-11-26T08:00:00.000Z' });
  });

  it('pulls what the server already holds while it pushes the rest, and ends the catch-up with a page that says so', async () => {
    const { server, inbox, worker } = setUp({ pushChunk: 2, pullLimit: 10 });
    // Each push is answered when the test says, as a server busy applying a chunk would.
    const answers: (() => void)[] = [];
    const sent: number[][] = [];
    const answer = server.push.bind(server);
    server.push = (request) => {
      sent.push(request.entries.map((e) => e.seq));
      return new Promise((resolve) => answers.push(() => { resolve(answer(request)); }));
    };
    worker.receive({ type: 'start', pending: pending(4), cursor: 0 });
    await settle();
    answers.shift()?.();
    await settle();
    // The second chunk is with the server, and the feed of the first is already with the renderer.
    expect(sent).toEqual([[1, 2], [3, 4]]);
    expect(server.pulls).toEqual([0]);
    expect(inbox.of('page').map((m) => [m.page.cursor, m.page.more])).toEqual([[2, true]]);
    answers.shift()?.();
    await settle();
    const pages = inbox.of('page').map((m) => m.page);
    // Every page pulled while pushing said more was coming; the last did not, so the renderer rebased once.
    expect(pages.slice(0, -1).every((p) => p.more)).toBe(true);
    expect(pages.at(-1)).toMatchObject({ cursor: 4, more: false });
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
  });

  it('while it pushes, fetches and hands over the next page behind the pushes as one commits, two at most', async () => {
    const { server, inbox, worker } = setUp({ pushChunk: 3, pullLimit: 1, acknowledge: false });
    const answers: (() => void)[] = [];
    const answer = server.push.bind(server);
    server.push = (request) => new Promise((resolve) => answers.push(() => { resolve(answer(request)); }));
    worker.receive({ type: 'start', pending: pending(6), cursor: 0 });
    await settle();
    answers.shift()?.();
    await settle();
    // The first chunk's feed (3 entries) is pulled a page at a time: two are out, unanswered.
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor, m.page.more])).toEqual([[0, 1, true], [1, 2, true]]);
    worker.receive({ type: 'pageApplied', cursor: 1 });
    await settle();
    expect(inbox.of('page').map((m) => m.page.cursor)).toEqual([1, 2, 3]);
    for (const cursor of [2, 3]) {
      worker.receive({ type: 'pageApplied', cursor });
      await settle();
    }
    answers.shift()?.();
    for (let cursor = 4; cursor <= 6; cursor++) {
      await settle();
      worker.receive({ type: 'pageApplied', cursor });
    }
    await settle();
    const pages = inbox.of('page');
    // Each page follows the one before it, and the catch-up ends with a page that says so.
    expect(pages.every((m, i) => i === 0 || m.since === pages[i - 1]?.page.cursor)).toBe(true);
    expect(pages.at(-1)?.page).toMatchObject({ cursor: 6, more: false });
  });

  it('splits a push whose operations would make the request larger than the server takes', async () => {
    const { server, worker } = setUp();
    const plant = new Plant();
    // Three holds with reasons of 600,000 characters: two fit in 1,250,000, the third goes next.
    const long = [1, 2, 3].map((seq) => ({ seq, op: plant.stepOp('hold', 'R-1', 'inspect', { reason: 'x'.repeat(600_000) }) }));
    worker.receive({ type: 'start', pending: [...long, ...pending(2, 4)], cursor: 0 });
    await settle();
    expect(server.pushes.map((p) => p.entries.map((e) => e.seq))).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('hands the next page over while the renderer commits one, never more than two at once, each naming the cursor it follows', async () => {
    const { server, inbox, worker } = setUp({ pullLimit: 2, acknowledge: false });
    server.head = 8;
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    // The first page is committing and the second is with the renderer; the third is fetched and
    // waits, and the fourth is asked for already: a full page ends `pullLimit` positions on.
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor])).toEqual([[0, 2], [2, 4]]);
    expect(server.pulls).toEqual([0, 2, 4, 6]);
    worker.receive({ type: 'pageApplied', cursor: 2 });
    await settle();
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor])).toEqual([[0, 2], [2, 4], [4, 6]]);
    for (const cursor of [4, 6, 8]) {
      worker.receive({ type: 'pageApplied', cursor });
      await settle();
    }
    expect(inbox.of('page').map((m) => m.page.cursor)).toEqual([2, 4, 6, 8]);
    // Each page pulled once: none asked for ahead was spent, none past the head was asked for.
    expect(server.pulls).toEqual([0, 2, 4, 6]);
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', lastError: null });
  });

  it('drops a page it asked for ahead when the page before ends elsewhere (a gap in the feed\'s numbers), and skips nothing', async () => {
    const { server, inbox, worker } = setUp({ pullLimit: 2 });
    server.head = 9;
    // Position 3 was given up by a failed write: the page from 2 holds 4 and 5, and ends at 5.
    const pull = server.pull.bind(server);
    server.pull = (since, limit) => (since === 2 ? (server.pulls.push(since), Promise.resolve({ ok: true as const, value: { changes: [], outcomes: [], cursor: 5, head: 9, more: true } })) : pull(since, limit));
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    // After the page to 2, the one from 4 was asked for; the page from 2 ended at 5, so it was dropped.
    expect(server.pulls).toEqual([0, 2, 4, 5, 7]);
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor])).toEqual([[0, 2], [2, 5], [5, 7], [7, 9]]);
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', lastError: null });
  });

  it('pulls again from where the renderer is when a page it was sent was not committed', async () => {
    const { server, inbox, worker } = setUp({ pullLimit: 2, acknowledge: false });
    server.head = 4;
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    // The renderer restarts without committing the first page: its cursor is still 0.
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    expect(server.pulls.slice(0, 3)).toEqual([0, 2, 0]);
    // The second page was already out (the renderer, at 0, refuses it: it follows 2).
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor]).slice(0, 3)).toEqual([[0, 2], [2, 4], [0, 2]]);
  });

  it('fails the page handed over after one the renderer could not commit, and pulls again from the last one it did', async () => {
    const { server, time, inbox, worker } = setUp({ pullLimit: 2, acknowledge: false });
    server.head = 6;
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    worker.receive({ type: 'pageApplied', cursor: 2 });
    await settle();
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor])).toEqual([[0, 2], [2, 4], [4, 6]]);
    // The page to 4 fails; the renderer refuses the one to 6 too, as it does not follow.
    worker.receive({ type: 'pageFailed', cursor: 4, message: 'QuotaExceededError' });
    await settle();
    expect(inbox.lastStatus()).toMatchObject({ phase: 'waiting', lastError: { code: 'page_not_applied' } });
    await time.advance(time.pending()[0] ?? 0);
    expect(inbox.of('page').map((m) => [m.since, m.page.cursor]).slice(3)).toEqual([[2, 4], [4, 6]]);
  });

  it('backs off and pulls the page again when the renderer could not commit it, instead of waiting forever', async () => {
    const { server, time, inbox, worker } = setUp({ pullLimit: 2, acknowledge: false });
    server.head = 2;
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    expect(inbox.of('page').map((m) => m.page.cursor)).toEqual([2]);
    worker.receive({ type: 'pageFailed', cursor: 2, message: 'QuotaExceededError' });
    await settle();
    expect(inbox.lastStatus()).toMatchObject({ phase: 'waiting', lastError: { code: 'page_not_applied', permanent: false } });
    await time.advance(time.pending()[0] ?? 0);
    expect(server.pulls).toEqual([0, 0]);
    expect(inbox.of('page').map((m) => m.page.cursor)).toEqual([2, 2]);
    worker.receive({ type: 'pageApplied', cursor: 2 });
    await settle();
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', lastError: null });
  });

  it('retries a transient failure with capped exponential backoff and jitter, never in a busy loop', async () => {
    const { server, time, inbox, worker } = setUp();
    server.pushFailures = [transient, transient, transient, transient, transient];
    worker.receive({ type: 'start', pending: pending(1), cursor: 0 });
    await settle();
    expect(server.pushes).toHaveLength(1);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      delays.push(time.pending()[0] ?? -1);
      await time.advance(delays[i] ?? 0);
    }
    // random() = 0.5 → three quarters of the capped delay: 1s, 2s, 4s, 8s, then the 8s cap.
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000]);
    expect(server.pushes).toHaveLength(6);
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
  });

  it('stops on a permanent refusal and tells the renderer, until a person asks to sync again', async () => {
    const { server, time, inbox, worker } = setUp();
    server.pushFailures = [{ kind: 'permanent', code: 'token_invalid', message: 'This station token is not known: enrol the station again' }];
    worker.receive({ type: 'start', pending: pending(2), cursor: 0 });
    await settle();
    expect(inbox.lastStatus()).toMatchObject({
      phase: 'stopped',
      waiting: 2,
      lastError: { code: 'token_invalid', permanent: true },
      retryAt: null,
    });
    await time.advance(59_000);
    expect(server.pushes).toHaveLength(1);
    worker.receive({ type: 'syncNow' });
    await settle();
    expect(server.pushes).toHaveLength(2);
    expect(inbox.lastStatus()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
  });

  it('re-sends from where the server asks, or asks the renderer for its outbox when it no longer holds that far back', async () => {
    const { server, inbox, worker } = setUp();
    server.pushFailures = [{ kind: 'gap', code: 'sequence_gap', message: 'resend from 3', resendFrom: 3 }];
    worker.receive({ type: 'start', pending: pending(4), cursor: 0 });
    await settle();
    expect(server.pushes.map((p) => p.entries.map((e) => e.seq))).toEqual([[1, 2, 3, 4], [3, 4]]);

    server.pushFailures = [{ kind: 'gap', code: 'sequence_gap', message: 'resend from 2', resendFrom: 2 }];
    worker.receive({ type: 'enqueued', pending: pending(1, 5) });
    await settle();
    expect(inbox.of('needOutbox')).toHaveLength(1);
  });

  it('ignores operations the server already holds when the renderer mentions them again', async () => {
    const { server, worker } = setUp();
    const ops = pending(3);
    worker.receive({ type: 'start', pending: ops, cursor: 0 });
    await settle();
    expect(server.pushes.map((p) => p.entries.map((e) => e.seq))).toEqual([[1, 2, 3]]);
    // The outbox still holds 1..3 until their effects are pulled; the renderer lists it with a new one.
    worker.receive({ type: 'enqueued', pending: [...ops, ...pending(1, 4)] });
    await settle();
    expect(server.pushes.map((p) => p.entries.map((e) => e.seq))).toEqual([[1, 2, 3], [4]]);
  });

  it('does nothing while offline and syncs when the station comes back online', async () => {
    const { server, online, inbox, worker } = setUp({ online: false });
    worker.receive({ type: 'start', pending: pending(3), cursor: 0 });
    worker.receive({ type: 'enqueued', pending: pending(1, 4) });
    await settle();
    expect(server.pushes).toHaveLength(0);
    expect(inbox.lastStatus()).toMatchObject({ online: false, waiting: 4 });
    online.set(true);
    await settle();
    expect(server.pushes.map((p) => p.entries.length)).toEqual([4]);
    expect(inbox.lastStatus()).toMatchObject({ online: true, waiting: 0, phase: 'idle' });
  });

  it('pulls when the server pokes with a head beyond its cursor, and on a timer', async () => {
    const { server, time, worker } = setUp();
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    expect(server.pulls).toEqual([0]);
    server.head = 3;
    for (const poke of server.pokes) poke(3);
    await settle();
    expect(server.pulls).toEqual([0, 0]);
    for (const poke of server.pokes) poke(3);
    await settle();
    expect(server.pulls).toEqual([0, 0]);
    await time.advance(60_000);
    expect(server.pulls).toEqual([0, 0, 3]);
  });

  it('stops all activity on stop', async () => {
    const { server, time, worker, inbox } = setUp();
    server.pullFailures = [transient];
    worker.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    worker.receive({ type: 'stop' });
    await time.advance(120_000);
    expect(server.pulls).toHaveLength(1);
    expect(inbox.lastStatus()?.phase).toBe('stopped');
    expect(server.pokes).toHaveLength(0);
  });
});

describe('backoff', () => {
  it('stays within half and all of the capped exponential delay', () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    for (let failures = 1; failures < 40; failures++) {
      const cap = Math.min(60_000, 1000 * 2 ** (failures - 1));
      expect(backoffDelay(failures, policy, () => 0)).toBe(cap / 2);
      expect(backoffDelay(failures, policy, () => 0.999999)).toBeLessThanOrEqual(cap);
    }
  });
});
