/**
 * The station cache's IndexedDB schema, one entry per version, each declared in full (Dexie's
 * rule: a version lists every store). Append a version to change it; never edit a released one.
 * Upgrade functions that move data live in upgrades.ts.
 */
const version1 = {
  procedures: 'id, procedureId',
  runs: 'id, batchId, status, procedureVersionId, updatedAt',
  runSteps: 'id, runId',
  batches: 'id',
  users: 'id',
  signatures: 'id, stepId, runId',
  audit: 'id, stepId, runId, batchId',
  /** Operations not yet acknowledged by the server, by per-station sequence number. */
  outbox: 'seq, &id',
  /** The server's verdict on each operation this station sent. */
  outcomes: 'operationId, seq',
  /** The server's version of every row an optimistic operation changed (null: the row did not exist). */
  shadows: 'key',
  meta: 'key',
} as const;

const version2 = {
  // Every store again (Dexie's rule for a version), plus:
  ...version1,
  /** PIN verifiers the server handed out at sign-in, so the same people can sign in here offline. */
  verifiers: 'userId, &badgeId',
} as const;

const version3 = {
  // Version 2's stores again, plus:
  ...version2,
  /** Review items: one per operation and run a supervisor must decide on (synced plant rows). */
  reviews: 'id, operationId, runId, stepId, batchId',
} as const;

const version4 = {
  // Version 3's stores again, with outcomes indexed by `attention` (see OutcomeRow).
  ...version3,
  outcomes: 'operationId, seq, attention',
} as const;

const version6 = {
  ...version4,
  runs: 'id, procedureVersionId, updatedAt',
  audit: 'id, runId, batchId',
  signatures: 'id, runId',
  reviews: 'id, runId',
  procedures: 'id',
} as const;

export const schemaVersions = [
  { version: 1, stores: version1 },
  { version: 2, stores: version2 },
  { version: 3, stores: version3 },
  { version: 4, stores: version4 },
  {
    version: 5,
    // Version 4's stores, with the runs indexed only where a query reads them: the runs table
    // filters by status and batch in memory (runIndex.ts), and every index is written with each
    // of the 100,000 rows a new station bootstraps.
    stores: { ...version4, runs: 'id, procedureVersionId, updatedAt' },
  },
  {
    version: 6,
    // Version 5's stores, without the indexes no query reads: the step's history reads the run's
    // audit and signatures (by runId) and the batch's (by batchId), never by step; reviews are read
    // by run; procedures by id. Each index is one more write for every row a catch-up brings (an
    // audit row for every operation drained).
    stores: version6,
  },
  {
    version: 7,
    // Version 6's stores, without the runs' procedure index: the batch manager's candidates come
    // from the runs index in memory (batch/batchCandidates.ts), and the index was one more write
    // for each of the 100,000 runs a new station bootstraps (docs/scale.md).
    stores: { ...version6, runs: 'id, updatedAt' },
  },
  {
    version: 8,
    // Version 7's stores, plus runs kept many to a record (runPages.ts): a bootstrap's 100,000
    // runs as 200 records instead of 100,000, indexed by their newest and oldest update so the
    // runs table's first rows by time read a page or two. Nothing moves: a run's row still
    // counts, and stations that have rows only read them as before.
    stores: { ...version6, runs: 'id, updatedAt', runPages: 'first, newest, oldest' },
  },
] as const;

export const currentSchemaVersion = schemaVersions[schemaVersions.length - 1]?.version ?? 1;
