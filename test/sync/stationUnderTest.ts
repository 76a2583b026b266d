import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Operation } from '../../shared/schemas/operation';
import type { FromWorker, SyncStatus } from '../../shared/sync/messages';
import { createHttpTransport } from '../../shared/sync/httpTransport';
import { SyncWorker } from '../../shared/sync/worker';
import type { StationDb } from '../../renderer/src/store/db';
import { enqueue, type EnqueueResult } from '../../renderer/src/store/enqueue';
import { openStationDb } from '../../renderer/src/store/open';
import { seenFor } from '../../renderer/src/store/seen';
import { StationSync } from '../../renderer/src/sync/stationSync';
import { StationClient } from '../server/stationClient';
import { ManualOnline } from './fakeEdges';

/**
 * A whole station in one process: its real store over fake-indexeddb, the real sync worker with
 * the real HTTP transport against a real server on loopback, and the renderer's sync side.
 * Only the online signal is in the test's hands, to cut the station off.
 */
export class StationUnderTest {
  status: SyncStatus | null = null;
  /** Every error code the worker reported, in order: shows a fault really hit the station. */
  readonly errors: string[] = [];
  /** The name of every error the renderer's side met applying a page (it answered pageFailed). */
  readonly pageErrors: string[] = [];
  private constructor(
    readonly name: string,
    readonly db: StationDb,
    readonly worker: SyncWorker,
    readonly sync: StationSync,
    readonly online: ManualOnline,
    readonly client: StationClient,
  ) {}

  /**
   * `pullLimit` makes pages small; `intercept` sees (and may replace) each message from the
   * worker before the renderer's side handles it: a fault between the two.
   */
  static async start(baseUrl: string, name: string, options: { pullLimit?: number; intercept?: (message: FromWorker) => FromWorker } = {}): Promise<StationUnderTest> {
    const client = await StationClient.enrol(baseUrl, name);
    const db = await openStationDb(`station-${name}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.meta.put({ key: 'stationId', value: client.stationId });
    const online = new ManualOnline(true);
    const holder: { sync?: StationSync } = {};
    const worker = new SyncWorker({
      transport: createHttpTransport({
        baseUrl,
        token: () => client.token,
        fetch: globalThis.fetch,
        utf8Decoder: () => {
          const decoder = new TextDecoder();
          return (bytes) => decoder.decode(bytes, { stream: true });
        },
      }),
      now: () => Date.now(),
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => { clearTimeout(h as NodeJS.Timeout); } },
      random: Math.random,
      online,
      send: (message) => void holder.sync?.receive(options.intercept ? options.intercept(message) : message),
      ...(options.pullLimit === undefined ? {} : { pullLimit: options.pullLimit }),
      backoff: { baseMs: 20, maxMs: 200 },
      periodicPullMs: 60_000,
    });
    const station = new StationUnderTest(name, db, worker, new StationSync(db, (m) => { worker.receive(m); }, (s) => {
      station.status = s;
      if (s.lastError && station.errors.at(-1) !== s.lastError.code) station.errors.push(s.lastError.code);
    }, (error) => {
      station.pageErrors.push(error instanceof Error ? error.name : String(error));
    }), online, client);
    holder.sync = station.sync;
    await station.sync.start();
    return station;
  }

  get stationId(): string {
    return this.client.stationId;
  }

  /** What a person does, seeing what this station shows: saved here, then handed to the worker. */
  async act(template: Operation): Promise<EnqueueResult> {
    const op = { ...template, stationId: this.stationId };
    if ('stepId' in op) op.seen = await seenFor(this.db, op.runId, op.stepId);
    const result = await enqueue(this.db, op);
    if (result.ok) this.sync.enqueued({ seq: result.seq, op });
    return result;
  }

  /** Waits until the worker is idle with nothing waiting and the cache at `head`. */
  async settled(head: () => number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outbox = await this.db.outbox.count();
      const cursor = (await this.db.meta.get('cursor'))?.value ?? 0;
      if (outbox === 0 && cursor === head() && this.status?.phase === 'idle') return;
      if (Date.now() > deadline) {
        throw new Error(`${this.name} did not settle: outbox ${String(outbox)}, cursor ${String(cursor)}, head ${String(head())}, status ${JSON.stringify(this.status)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  stop(): void {
    this.sync.close();
    this.worker.receive({ type: 'stop' });
    this.db.close();
  }
}
