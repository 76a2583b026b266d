import { describe, expect, it } from 'vitest';
import { channels, type FromWorker } from '../../shared/bridge/contract';
import type { FetchLike, ResponseLike } from '../../shared/sync/httpTransport';
import { createSyncHost, type RendererTarget } from '../../electron/syncHost';
import { ManualOnline, ManualTime, settle } from '../sync/fakeEdges';
import { RecordingLog } from './fakes/log';

/** A server at the HTTP edge: an empty feed at `head`, and an event stream that stays open. */
class FakeServer {
  readonly requests: { url: string; authorization: string | undefined }[] = [];
  head = 0;
  readonly fetch: FetchLike = (url, init) => {
    this.requests.push({ url, authorization: init.headers.authorization });
    if (url.includes('/v1/sync/events')) {
      const reader = { read: () => new Promise<{ done: boolean }>(() => undefined), cancel: () => Promise.resolve() };
      return Promise.resolve<ResponseLike>({ status: 200, json: () => Promise.resolve(null), body: { getReader: () => reader } });
    }
    const since = Number(new URL(url).searchParams.get('since'));
    const cursor = Math.max(since, this.head);
    return Promise.resolve<ResponseLike>({ status: 200, json: () => Promise.resolve({ changes: [], outcomes: [], cursor, head: this.head, more: false }), body: null });
  };
  pulls(server: string): string[] {
    return this.requests.filter((r) => r.url.startsWith(`${server}/v1/sync/pull`)).map((r) => r.url);
  }
}

class Window implements RendererTarget {
  destroyed = false;
  readonly received: { channel: string; message: FromWorker }[] = [];
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, message: FromWorker): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.received.push({ channel, message });
  }
  messages(type: FromWorker['type']): FromWorker[] {
    return this.received.filter((r) => r.message.type === type).map((r) => r.message);
  }
}

function setup() {
  const server = new FakeServer();
  const time = new ManualTime();
  const online = new ManualOnline(true);
  let window: Window | null = new Window();
  const host = createSyncHost({
    fetch: server.fetch,
    timers: time,
    now: () => time.now,
    random: () => 0.5,
    online,
    target: () => window,
    log: new RecordingLog(),
  });
  return { server, time, online, host, window: () => window, closeWindow: () => (window = null) };
}

describe('the sync host', () => {
  it('tells a renderer that is not enrolled so, in a status it can show', () => {
    const { host, window, server } = setup();
    host.receive({ type: 'start', pending: [], cursor: 0 });
    expect(window()?.received).toEqual([
      {
        channel: channels.syncMessage,
        message: { type: 'status', status: expect.objectContaining({ phase: 'stopped', lastError: expect.objectContaining({ code: 'not_enrolled', permanent: true }) as object }) as object },
      },
    ]);
    expect(server.requests).toEqual([]);
  });

  it('runs the worker against the station’s server with its token and forwards everything on the sync channel', async () => {
    const { host, window, server } = setup();
    server.head = 7;
    host.configure({ serverUrl: 'http://10.0.0.5:4650', token: 'st_one' });
    expect(window()?.messages('needOutbox')).toHaveLength(1);
    host.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    expect(server.pulls('http://10.0.0.5:4650')).toEqual(['http://10.0.0.5:4650/v1/sync/pull?since=0&limit=2000']);
    expect(new Set(server.requests.map((r) => r.authorization))).toEqual(new Set(['Bearer st_one']));
    expect(window()?.messages('page')).toEqual([expect.objectContaining({ page: expect.objectContaining({ cursor: 7 }) as object })]);
    host.receive({ type: 'pageApplied', cursor: 7 });
    await settle();
    expect(window()?.received.every((r) => r.channel === channels.syncMessage)).toBe(true);
    const statuses = window()?.messages('status') ?? [];
    expect(statuses.at(-1)).toMatchObject({ status: { phase: 'idle', lastError: null } });
    host.stop();
  });

  it('replaces the worker when the station enrols again: the old server hears nothing more', async () => {
    const { host, server, time } = setup();
    host.configure({ serverUrl: 'http://old.example:4650', token: 'st_old' });
    host.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    host.configure({ serverUrl: 'https://new.example', token: 'st_new' });
    host.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    const oldBefore = server.pulls('http://old.example:4650').length;
    await time.advance(5 * 60_000);
    expect(server.pulls('http://old.example:4650')).toHaveLength(oldBefore);
    expect(server.pulls('https://new.example').length).toBeGreaterThan(1);
    expect(server.requests.filter((r) => r.url.startsWith('https://new.example')).every((r) => r.authorization === 'Bearer st_new')).toBe(true);
    host.stop();
  });

  it('drops messages while the window is closed or destroyed, without failing', async () => {
    const { host, window, closeWindow } = setup();
    host.configure({ serverUrl: 'http://10.0.0.5:4650', token: 'st_one' });
    const w = window();
    if (w) w.destroyed = true;
    expect(() => {
      host.receive({ type: 'start', pending: [], cursor: 0 });
    }).not.toThrow();
    await settle();
    closeWindow();
    host.receive({ type: 'syncNow' });
    await settle();
    host.stop();
  });

  it('stops the worker on quit: no timers keep the network busy', async () => {
    const { host, server, time } = setup();
    host.configure({ serverUrl: 'http://10.0.0.5:4650', token: 'st_one' });
    host.receive({ type: 'start', pending: [], cursor: 0 });
    await settle();
    host.stop();
    const before = server.requests.length;
    await time.advance(10 * 60_000);
    expect(server.requests).toHaveLength(before);
    expect(time.pending()).toEqual([]);
  });
});
