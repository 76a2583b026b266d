import type { FastifyInstance } from 'fastify';
import { buildApp } from './http/app';
import type { AppContext } from './http/context';
import { defaultPinHashCost, type PinHashCost } from './identity/secrets';
import { SignInThrottle } from './identity/signInThrottle';
import { seedBenchRuns } from './seed/benchRuns';
import { seedDemo } from './seed/demoPlant';
import { BackgroundCheckpoint } from './storage/backgroundCheckpoint';
import { Store } from './storage/store';
import { FeedNotifier } from './sync/feedNotifier';

export interface ServerOptions {
  dataDir: string;
  port: number;
  host: string;
  /** Seed the demo plant when the database is empty. */
  demo: boolean;
  /** Add this many runs for benchmarks (bulk insert, one transaction). */
  seedRuns: number;
  logger: boolean;
  tokenTtlMs: number;
  now?: () => Date;
  pinHashCost?: PinHashCost;
  bodyLimit?: number;
  /** A built station renderer to serve at `/` (npm start serves dist/renderer). */
  stationDir?: string;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export const defaultTokenTtlMs = 180 * 24 * 3_600_000;

/** Opens the database (migrating it), seeds what was asked for, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = Store.open(options.dataDir);
  const now = options.now ?? (() => new Date());
  const pinHashCost = options.pinHashCost ?? defaultPinHashCost;
  try {
    if (options.demo && store.isEmpty()) await seedDemo(store, { now: now(), pinHashCost });
    if (options.seedRuns > 0) seedBenchRuns(store, options.seedRuns, now());
  } catch (error) {
    store.close();
    throw error;
  }
  const checkpoint = new BackgroundCheckpoint(store.db);
  const ctx: AppContext = {
    store,
    checkpoint,
    notifier: new FeedNotifier(),
    now,
    tokenTtlMs: options.tokenTtlMs,
    pinHashCost,
    throttle: new SignInThrottle(),
    streams: new Set(),
  };
  const app = buildApp(ctx, {
    logger: options.logger,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.stationDir === undefined ? {} : { stationDir: options.stationDir }),
  });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await checkpoint.close();
    store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closed = false;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${String(port)}`,
    app,
    store,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await checkpoint.close();
      store.close();
    },
  };
}
