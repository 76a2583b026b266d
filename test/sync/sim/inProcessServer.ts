import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/http/app';
import { SignInThrottle } from '../../../server/identity/signInThrottle';
import { Store } from '../../../server/storage/store';
import { FeedNotifier } from '../../../server/sync/feedNotifier';
import type { FetchLike, ResponseLike } from '../../../shared/sync/httpTransport';
import { seedBenchRuns } from '../../../server/seed/benchRuns';
import { seedFixture, testPinHashCost } from '../../server/harness';

/**
 * The real server application over a real SQLite file, answering through Fastify's `inject`
 * rather than a socket: same routes, same storage, but no real I/O or timers, so a simulation
 * is deterministic. It can be "restarted": the app and database are closed and opened again.
 */
export class InProcessServer {
  private app: FastifyInstance | null = null;
  store!: Store;
  restarts = 0;

  private constructor(
    readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  /**
   * `moreRuns`: runs added after the fixture's, enough that a station bootstrapping keeps them in
   * pages (renderer/src/store/runPages.ts), so the simulation's stations hold runs both ways.
   */
  static async start(dataDir: string, now: () => Date, moreRuns = 0): Promise<InProcessServer> {
    const server = new InProcessServer(dataDir, now);
    server.open();
    await seedFixture(server.store);
    if (moreRuns > 0) seedBenchRuns(server.store, moreRuns, now());
    return server;
  }

  private open(): void {
    this.store = Store.open(this.dataDir);
    this.app = buildApp(
      { store: this.store, notifier: new FeedNotifier(), now: this.now, tokenTtlMs: 86_400_000, pinHashCost: testPinHashCost, throttle: new SignInThrottle(), streams: new Set() },
      { logger: false },
    );
  }

  async restart(): Promise<void> {
    await this.close();
    this.open();
    this.restarts += 1;
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = null;
    if (app) {
      await app.close();
      this.store.close();
    }
  }

  /** A fetch that reaches this server while it is up, and fails like a refused connection while it is down. */
  readonly fetch: FetchLike = async (url, init): Promise<ResponseLike> => {
    const app = this.app;
    if (!app) throw new Error('connection refused');
    const { pathname, search } = new URL(url);
    const response = await app.inject({
      method: init.method as 'GET' | 'POST',
      url: pathname + search,
      headers: init.headers,
      ...(init.body === undefined ? {} : { payload: init.body }),
    });
    return { status: response.statusCode, json: () => Promise.resolve(response.json<unknown>()), body: null };
  };
}
