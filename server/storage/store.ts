import { CatalogStore } from './catalogStore';
import { openDatabase, type Db } from './database';
import { FeedStore } from './feedStore';
import { IdentityStore } from './identityStore';
import { OperationStore } from './operationStore';
import { PlantStore } from './plantStore';
import { ReadStore } from './readStore';
import { ReviewStore } from './reviewStore';

/**
 * All of the server's SQL lives under storage/: the rest of the server talks to these stores.
 * Every method is synchronous, so one operation's reads, engine run and writes sit inside one
 * SQLite transaction with no other work interleaved.
 */
export class Store {
  readonly feed: FeedStore;
  readonly plant: PlantStore;
  readonly operations: OperationStore;
  readonly identity: IdentityStore;
  readonly catalog: CatalogStore;
  readonly reads: ReadStore;
  readonly review: ReviewStore;

  constructor(readonly db: Db) {
    this.feed = new FeedStore(db);
    this.plant = new PlantStore(db, this.feed);
    this.operations = new OperationStore(db);
    this.identity = new IdentityStore(db, this.feed);
    this.catalog = new CatalogStore(db, this.feed);
    this.reads = new ReadStore(db);
    this.review = new ReviewStore(db);
  }

  static open(dataDir: string): Store {
    return new Store(openDatabase(dataDir));
  }

  /** Runs `fn` in one transaction (a savepoint when nested): all of it commits, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** True when nothing was ever stored: the cue to seed the demo plant. */
  isEmpty(): boolean {
    const row = this.db.prepare<[], { n: number }>('SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM procedures) AS n').get();
    return (row?.n ?? 0) === 0;
  }

  close(): void {
    this.db.close();
  }
}
