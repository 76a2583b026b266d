import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import { PullResponse, type FeedEntry } from '../../shared/protocol/sync';
import { startTestServer, type TestServer } from './harness';
import { StationClient } from './stationClient';

let server: TestServer;
let a: StationClient;
let b: StationClient;

beforeEach(async () => {
  server = await startTestServer();
  a = await StationClient.enrol(server.url, 'A');
  b = await StationClient.enrol(server.url, 'B');
});
afterEach(async () => {
  await server.dispose();
});

async function pullAll(station: StationClient, since: number, limit: number) {
  const pages = [];
  let cursor = since;
  for (;;) {
    const page = await station.pull(cursor, limit);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return { pages, cursor };
  }
}

describe('pull', () => {
  it('pages the feed from a cursor to the head, each change once per page as the row stands now', async () => {
    const head0 = server.store.feed.head();
    expect(head0).toBeGreaterThan(0);
    await a.push(await a.stepOp('start', 'R-1', 'inspect', {}));
    await a.push(await a.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const { pages, cursor } = await pullAll(b, head0, 3);
    expect(cursor).toBe(server.store.feed.head());
    expect(pages.length).toBeGreaterThan(2);
    const changes = pages.flatMap((p) => p.changes);
    const steps = changes.filter((c): c is Extract<FeedEntry, { entity: 'runStep' }> => c.entity === 'runStep');
    expect(steps.every((s) => s.row.state === 'complete')).toBe(true);
    expect(changes.some((c) => c.entity === 'signature')).toBe(true);
    expect(changes.some((c) => c.entity === 'audit' && 'receivedAt' in c)).toBe(true);
    const seqs = changes.map((c) => c.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
  });

  it("brings a new station everything from zero, and only its own operations' outcomes", async () => {
    const opA = await a.stepOp('start', 'R-1', 'inspect', {});
    const opB = await b.stepOp('start', 'R-2', 'inspect', {});
    await a.push(opA);
    await b.push(opB);
    const { pages } = await pullAll(b, 0, 1000);
    const runIds = new Set(pages.flatMap((p) => p.changes.flatMap((c) => (c.entity === 'run' ? [c.row.id] : []))));
    expect(runIds.size).toBe(9);
    const outcomes = pages.flatMap((p) => p.outcomes);
    expect(outcomes).toEqual([{ seq: expect.any(Number) as number, stationSeq: 1, operationId: opB.id, outcome: { status: 'applied', note: null, propagatedTo: [] } }]);
  });

  it('sends a dissolved batch as a tombstone', async () => {
    await a.push(a.batchOp('createBatch', { batchId: 'B-9', title: null, runIds: ['R-1', 'R-2'] }));
    const before = server.store.feed.head();
    await a.push(a.batchOp('unbatchAll', { batchId: 'B-9' }));
    const page = await b.pull(before);
    expect(page.changes.filter((c) => c.entity === 'batch')).toMatchObject([{ entity: 'batch', op: 'delete', id: 'B-9', row: null }]);
    const fromZero = await pullAll(b, 0, 2000);
    const batchEntries = fromZero.pages.flatMap((p) => p.changes.filter((c) => c.entity === 'batch'));
    expect(batchEntries.map((c) => c.op)).toEqual(['delete']);
  });

  it('writes each page as a PullResponse with every stored row as it stands in SQLite', async () => {
    await a.push(await a.stepOp('start', 'R-1', 'inspect', {}));
    await a.push(await a.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    await a.push(a.batchOp('createBatch', { batchId: 'B-8', title: null, runIds: ['R-3', 'R-4'] }));
    const { pages } = await pullAll(a, 0, 7);
    const changes = pages.flatMap((p) => PullResponse.parse(p).changes);
    expect(new Set(changes.map((c) => c.entity))).toEqual(new Set(['run', 'runStep', 'batch', 'signature', 'audit', 'procedure', 'user']));
    const tables = { run: 'runs', runStep: 'run_steps', batch: 'batches', signature: 'signatures', audit: 'audit', procedure: 'procedures' } as const;
    for (const change of changes) {
      if (change.entity === 'user' || change.entity === 'review' || change.row === null) continue;
      const stored = server.store.db.prepare<[string], { body: string }>(`SELECT body FROM ${tables[change.entity]} WHERE id = ?`).get(change.row.id);
      expect(change.row, `${change.entity} ${change.row.id}`).toEqual(JSON.parse(stored?.body ?? 'null'));
    }
  });

  it('returns an empty page at the head', async () => {
    const head = server.store.feed.head();
    expect(await a.pull(head)).toEqual({ changes: [], outcomes: [], cursor: head, head, more: false });
  });
});

describe('events', () => {
  it('pokes an open stream when the feed moves', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}${apiPaths.events}`, { headers: { authorization: `Bearer ${b.token}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error('stream ended');
        text += decoder.decode(chunk.value);
      }
    };
    await readUntil(`"head":${String(server.store.feed.head())}`);
    const result = await a.push(await a.stepOp('start', 'R-1', 'inspect', {}));
    await readUntil(`event: feed\ndata: {"head":${String(result.head)}}`);
    controller.abort();
  });

  it('ends open streams when the server closes, so it stops at once', async () => {
    const response = await fetch(`${server.url}${apiPaths.events}`, { headers: { authorization: `Bearer ${b.token}` } });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no stream');
    await reader.read();
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Drain what was sent before the end.
    }
  });

  it('refuses a stream without a token', async () => {
    const response = await fetch(`${server.url}${apiPaths.events}`);
    expect(response.status).toBe(401);
  });
});
