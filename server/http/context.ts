import type { ServerResponse } from 'node:http';
import type { PinHashCost } from '../identity/secrets';
import type { SignInThrottle } from '../identity/signInThrottle';
import type { BackgroundCheckpoint } from '../storage/backgroundCheckpoint';
import type { Store } from '../storage/store';
import type { FeedNotifier } from '../sync/feedNotifier';

/** What the routes share: the store, the feed's notifier, the clock and the identity settings. */
export interface AppContext {
  store: Store;
  notifier: FeedNotifier;
  /** The server's clock: recorded as receive time, never used to order. Injected for tests. */
  now: () => Date;
  tokenTtlMs: number;
  pinHashCost: PinHashCost;
  throttle: SignInThrottle;
  /** Open event streams, ended when the server closes. */
  streams: Set<ServerResponse>;
  /** Copies the WAL into the database file off the request path; without it SQLite does so in commits. */
  checkpoint?: BackgroundCheckpoint;
}
