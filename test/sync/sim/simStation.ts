import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { stateFrom, type EngineState } from '../../../shared/engine/state';
import { EnrolResponse } from '../../../shared/protocol/identity';
import { apiPaths } from '../../../shared/protocol/paths';
import type { Operation } from '../../../shared/schemas/operation';
import type { SyncStatus } from '../../../shared/sync/messages';
import { createHttpTransport } from '../../../shared/sync/httpTransport';
import { SyncWorker } from '../../../shared/sync/worker';
import type { StationDb } from '../../../renderer/src/store/db';
import { enqueue } from '../../../renderer/src/store/enqueue';
import { openStationDb } from '../../../renderer/src/store/open';
import { stepsOfRuns } from '../../../renderer/src/store/runSteps';
import { currentCursor } from '../../../renderer/src/store/serverPage';
import { StationSync } from '../../../renderer/src/sync/stationSync';
import { testEnrolmentCode } from '../../server/harness';
import { ManualOnline, type ManualTime } from '../fakeEdges';
import { FaultyTransport } from './faultyTransport';
import type { InProcessServer } from './inProcessServer';
import { Dice, seededRandom } from './prng';

/** One station of the simulation: real store, real worker, a faulty network, the simulation's clock. */
export class SimStation {
  status: SyncStatus | null = null;
  /** Every operation this station accepted (saved in its outbox): none may be lost. */
  readonly accepted: Operation[] = [];
  readonly cursors: number[] = [];
  private counter = 0;

  db!: StationDb;
  private worker!: SyncWorker;
  private sync!: StationSync;
  readonly online = new ManualOnline(true);
  reloads = 0;
  /** Failures to commit a page: a run with any fails. */
  readonly errors: unknown[] = [];

  private constructor(
    readonly name: string,
    readonly stationId: string,
    readonly network: FaultyTransport,
    private readonly factory: IDBFactory,
    private readonly time: ManualTime,
    private readonly random: () => number,
    private readonly pullLimit: number,
  ) {}

  /** Opens the station's database and starts its worker, as a (re)loaded renderer does. */
  private async boot(): Promise<void> {
    this.db = await openStationDb(`sim-${this.name}`, { indexedDB: this.factory, IDBKeyRange });
    const worker = new SyncWorker({
      transport: this.network,
      now: () => this.time.now,
      timers: this.time,
      random: this.random,
      online: this.online,
      send: (message) => void sync.receive(message),
      pushChunk: 7,
      pullLimit: this.pullLimit,
      backoff: { baseMs: 200, maxMs: 5_000 },
      periodicPullMs: 10_000,
    });
    const sync = new StationSync(
      this.db,
      (m) => { worker.receive(m); },
      (s) => { this.status = s; },
      (error) => { this.errors.push(error); },
    );
    this.worker = worker;
    this.sync = sync;
    await sync.start();
  }

  /** The renderer reloads (mid-push or not): the worker and every unsaved thing in memory are gone; the database stays. */
  async reload(): Promise<void> {
    this.stop();
    this.status = null;
    this.reloads += 1;
    await this.boot();
  }

  /** `pullLimit`: feed entries a pull asks for (small by default, so a bootstrap takes many pages). */
  static async start(server: InProcessServer, time: ManualTime, name: string, seed: number, pullLimit = 40): Promise<SimStation> {
    const reply = await server.fetch(`http://sim${apiPaths.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: testEnrolmentCode, name }),
    });
    const enrolment = EnrolResponse.parse(await reply.json());
    const factory = new IDBFactory();
    const dice = new Dice(seededRandom(seed));
    const network = new FaultyTransport(
      createHttpTransport({ baseUrl: 'http://sim', token: () => enrolment.token, fetch: server.fetch, utf8Decoder: () => () => '' }),
      dice,
    );
    const station = new SimStation(name, enrolment.stationId, network, factory, time, dice.random, pullLimit);
    await station.boot();
    return station;
  }

  /** The station's cache as the engine sees it: what a person at this station is shown. */
  async view(): Promise<EngineState> {
    const [runs, batches, cachedUsers, reviews] = await Promise.all([
      this.db.runs.toArray(),
      this.db.batches.toArray(),
      this.db.users.toArray(),
      this.db.reviews.toArray(),
    ]);
    const steps = (await stepsOfRuns(this.db, runs)).flat();
    // Reviews too: the random resolveReview commands pick the items this station shows.
    return stateFrom({ runs, steps, batches, users: cachedUsers, reviews });
  }

  async act(template: Operation): Promise<void> {
    this.counter += 1;
    const op = { ...template, id: `${this.name}-${String(this.counter)}`, stationId: this.stationId };
    const result = await enqueue(this.db, op);
    if (!result.ok) return;
    this.accepted.push(op);
    this.sync.enqueued({ seq: result.seq, op });
  }

  async recordCursor(): Promise<void> {
    this.cursors.push(await currentCursor(this.db));
  }

  async settled(head: number): Promise<boolean> {
    return (await this.db.outbox.count()) === 0 && (await currentCursor(this.db)) === head && this.status?.phase === 'idle';
  }

  stop(): void {
    this.sync.close();
    this.worker.receive({ type: 'stop' });
    this.db.close();
  }
}
