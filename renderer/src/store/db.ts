import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Review } from '../../../shared/schemas/review';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { Signature } from '../../../shared/schemas/signature';
import type { User } from '../../../shared/schemas/users';
import type { PinVerifierRecord } from '../session/pinVerifier';
import { CommittedRowsFeed } from './committedRows';
import type { RunPage } from './runPages';
import { runPagesMiddleware } from './runPagesMiddleware';
import { RunWrites } from './runWrites';
import { schemaVersions } from './schema';
import { upgrades } from './upgrades';
import { writeTokenMiddleware } from './writeToken';

export interface OutboxEntry {
  /** Gap-free per-station sequence number: the order the server applies this station's work in. */
  seq: number;
  id: string;
  op: Operation;
}

export interface OutcomeRow {
  operationId: string;
  seq: number;
  kind: Operation['kind'];
  outcome: Outcome;
  /** The feed position from which the operation's effects are visible; null when it wrote nothing. */
  feedSeq: number | null;
  /** The operation as sent, kept when it left the outbox so a refusal can say what was refused. */
  op?: Operation;
  /** When a person here closed the notice about this outcome (ISO time). */
  dismissedAt?: string;
  /**
   * 1 while the outcome needs a person's attention and is not dismissed, absent otherwise: the
   * index on it lists the open notices without reading every outcome the station ever had
   * (a day offline leaves thousands, and the notices are re-read after every sync page).
   */
  attention?: 1;
}

/**
 * An audit row as the station keeps it. `receivedAt` is when the server received the operation,
 * carried beside the row in the feed; an entry written optimistically here has none until then.
 */
export type CachedAuditEntry = AuditEntry & { receivedAt?: string };

export type CachedEntity = 'run' | 'runStep' | 'batch' | 'signature' | 'audit' | 'review';

export interface ShadowRow {
  key: string;
  entity: CachedEntity;
  id: string;
  /** The server's row as it was before the first optimistic change; null when it did not exist. */
  row: unknown;
  /**
   * Set on the one shadow that stands for many rows an operation created (its audit entries and
   * signatures): their ids, all to be deleted when the optimistic writes are undone.
   */
  created?: string[];
}

export interface MetaRow {
  /** `written`: the cache's write token (writeToken.ts). */
  key: 'cursor' | 'nextSeq' | 'stationId' | 'lastSyncAt' | 'nextBatchNumber' | 'written';
  value: string | number;
}

/** The station's store. The renderer is its only writer. */
export class StationDb extends Dexie {
  procedures!: EntityTable<ProcedureVersion, 'id'>;
  runs!: EntityTable<Run, 'id'>;
  /** Runs kept many to a record (runPages.ts); read through `runs`, which shows them as rows. */
  runPages!: EntityTable<RunPage, 'first'>;
  runSteps!: EntityTable<RunStep, 'id'>;
  batches!: EntityTable<Batch, 'id'>;
  users!: EntityTable<User, 'id'>;
  signatures!: EntityTable<Signature, 'id'>;
  audit!: EntityTable<CachedAuditEntry, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  outcomes!: EntityTable<OutcomeRow, 'operationId'>;
  shadows!: EntityTable<ShadowRow, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  verifiers!: EntityTable<PinVerifierRecord, 'userId'>;
  reviews!: EntityTable<Review, 'id'>;
  /** Every committed write to `runs`, for the runs table's index in memory. */
  readonly runWrites = new RunWrites();
  /** Every committed write to runs, runSteps and shadows, for the run view to draw before it re-reads. */
  readonly committedRows = new CommittedRowsFeed();
  /** The key ranges of the IndexedDB this cache lives in (the browser's, or the one a test passes), for native requests. */
  readonly keyRange: typeof IDBKeyRange;

  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: a write is on disk before its transaction completes, so what the screen
    // shows as done survives a power cut.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    // Typed as always there, but absent where no IndexedDB is (Node without a test's own).
    this.keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
    for (const { version, stores } of schemaVersions) {
      const declared = this.version(version).stores(stores);
      const upgrade = upgrades[version];
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(this.runWrites.middleware());
    this.use(this.committedRows.middleware());
    this.use(writeTokenMiddleware());
    this.use(runPagesMiddleware());
  }

  /** Every table the engine's writes and the sync pages touch, for one transaction over all of them. */
  get cacheTables() {
    return [this.runs, this.runPages, this.runSteps, this.batches, this.users, this.signatures, this.audit, this.procedures, this.reviews];
  }
}
