/**
 * Forward-only schema migrations. Each entry moves the database from version `index` to
 * `index + 1` (PRAGMA user_version); entries are never edited or removed once released, only
 * appended. Rows hold the shared schemas' JSON in `body`; the other columns exist to filter,
 * sort and join without parsing JSON.
 */
export const migrations: readonly string[] = [
  /* 1: the plant, the sync log and identity */ `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    badge_id TEXT NOT NULL UNIQUE,
    pin_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE stations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_expires_at TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    -- The sequence number the server expects next from this station.
    next_seq INTEGER NOT NULL DEFAULT 1
  );

  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    uses_left INTEGER NOT NULL,
    expires_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE procedures (
    id TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL
  );

  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL,
    procedure_version_id TEXT NOT NULL,
    batch_id TEXT,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    unit_serial TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX runs_created ON runs (created_at, id);
  CREATE INDEX runs_updated ON runs (updated_at, id);
  CREATE INDEX runs_title ON runs (title, id);
  CREATE INDEX runs_status ON runs (status, id);
  CREATE INDEX runs_serial ON runs (unit_serial, id);
  CREATE INDEX runs_procedure ON runs (procedure_version_id);
  CREATE INDEX runs_procedure_id ON runs (procedure_id);
  CREATE INDEX runs_batch ON runs (batch_id);

  CREATE TABLE run_steps (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX run_steps_run ON run_steps (run_id, position);

  CREATE TABLE batches (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL
  );

  -- Evidence: written once, never changed (triggers below).
  CREATE TABLE signatures (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    operation_id TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX signatures_run ON signatures (run_id);

  CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    operation_id TEXT NOT NULL,
    run_id TEXT,
    batch_id TEXT,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX audit_run ON audit (run_id);

  -- Every operation a station pushed, once, with its one outcome.
  CREATE TABLE operations (
    id TEXT PRIMARY KEY,
    station_id TEXT NOT NULL,
    station_seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT NOT NULL,
    needs_review INTEGER NOT NULL,
    feed_seq INTEGER NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX operations_review ON operations (needs_review, feed_seq);

  -- Each station's sequence numbers, gap-free; a re-used operation id points at its first copy.
  CREATE TABLE station_sequence (
    station_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    operation_id TEXT NOT NULL,
    PRIMARY KEY (station_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE review_resolutions (
    operation_id TEXT PRIMARY KEY,
    resolved_by TEXT NOT NULL,
    note TEXT NOT NULL,
    resolved_at TEXT NOT NULL
  );

  -- The change feed: one entry per change, in commit order; rows are read from their tables.
  CREATE TABLE feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('put', 'delete')),
    station_id TEXT,
    committed_at TEXT NOT NULL
  );

  CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
    BEGIN SELECT RAISE(ABORT, 'signatures are append-only: a signature is never edited'); END;
  CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
    BEGIN SELECT RAISE(ABORT, 'signatures are append-only: a signature is never deleted'); END;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an entry is never edited'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an entry is never deleted'); END;
  CREATE TRIGGER operations_no_update BEFORE UPDATE ON operations
    BEGIN SELECT RAISE(ABORT, 'an operation''s outcome is recorded once and never changed'); END;
  CREATE TRIGGER operations_no_delete BEFORE DELETE ON operations
    BEGIN SELECT RAISE(ABORT, 'an operation''s outcome is recorded once and never deleted'); END;
  CREATE TRIGGER review_resolutions_no_update BEFORE UPDATE ON review_resolutions
    BEGIN SELECT RAISE(ABORT, 'a review resolution is recorded once and never changed'); END;
  CREATE TRIGGER review_resolutions_no_delete BEFORE DELETE ON review_resolutions
    BEGIN SELECT RAISE(ABORT, 'a review resolution is recorded once and never deleted'); END;
  CREATE TRIGGER feed_no_update BEFORE UPDATE ON feed
    BEGIN SELECT RAISE(ABORT, 'the change feed is append-only'); END;
  CREATE TRIGGER feed_no_delete BEFORE DELETE ON feed
    BEGIN SELECT RAISE(ABORT, 'the change feed is append-only'); END;
  `,

  /*
   * 2: review items as plant rows. One current row per decision (operation x run), written by the
   * push path like runs and run_steps; its history is the audit trail and the feed. Resolution is
   * an operation now: review_resolutions is no longer written, but kept with its triggers, as
   * evidence. Items from before this version are back-filled from the operations that need
   * review, each with a feed entry so stations that already pulled past them receive them:
   *   - a needs_review outcome: its step, and the server's side the outcome recorded;
   *   - an exclusion marked for review: the left-out run's step from the same procedure step, and
   *     no server's side (what that step was when the operation arrived was never recorded);
   *   - a note-only resolution becomes an 'acceptServer' decision with the note as its reason,
   *     named by 'legacy-resolution:<operation id>' as no operation made it.
   */ `
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    operation_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    step_id TEXT,
    batch_id TEXT,
    resolved INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX reviews_open ON reviews (resolved);
  CREATE INDEX reviews_operation ON reviews (operation_id);

  CREATE TEMP TABLE legacy_review AS
    SELECT o.id AS operation_id, json_extract(o.body, '$.runId') AS run_id, json_extract(o.body, '$.stepId') AS step_id,
           json_extract(o.outcome, '$.code') AS kind, json_extract(o.outcome, '$.reason') AS reason,
           json_extract(o.outcome, '$.current') AS server_side, o.feed_seq AS feed_seq, 0 AS part
    FROM operations o
    WHERE o.needs_review = 1 AND json_extract(o.outcome, '$.status') = 'needs_review'
    UNION ALL
    SELECT o.id, json_extract(e.value, '$.runId'),
           COALESCE(json_extract(e.value, '$.stepId'),
             (SELECT s.id FROM run_steps s WHERE s.run_id = json_extract(e.value, '$.runId')
                AND json_extract(s.body, '$.originStepId') =
                  (SELECT json_extract(t.body, '$.originStepId') FROM run_steps t WHERE t.id = json_extract(o.body, '$.stepId')))),
           'left_out', json_extract(e.value, '$.reason'), NULL, o.feed_seq, e.key + 1
    FROM operations o, json_each(o.outcome, '$.excluded') e
    WHERE o.needs_review = 1 AND json_extract(o.outcome, '$.status') = 'applied_with_exclusions'
      AND json_extract(e.value, '$.review') = 1;

  INSERT INTO reviews (id, operation_id, run_id, step_id, batch_id, resolved, body)
  SELECT l.operation_id || '~' || l.run_id, l.operation_id, l.run_id, l.step_id, json_extract(o.body, '$.seen.batchId'),
         r.operation_id IS NOT NULL,
         json_object(
           'id', l.operation_id || '~' || l.run_id, 'operationId', l.operation_id, 'kind', l.kind, 'reason', l.reason,
           'runId', l.run_id, 'stepId', l.step_id, 'batchId', json_extract(o.body, '$.seen.batchId'),
           'operation', json(o.body), 'serverSide', json(l.server_side),
           'actorId', o.actor_id, 'actorName', COALESCE(u.name, o.actor_id), 'stationId', o.station_id,
           'at', json_extract(o.body, '$.at'),
           'resolution', CASE WHEN r.operation_id IS NULL THEN NULL ELSE json_object(
             'action', 'acceptServer', 'reason', r.note, 'byId', r.resolved_by, 'byName', COALESCE(ru.name, r.resolved_by),
             'at', r.resolved_at, 'operationId', 'legacy-resolution:' || o.id) END,
           'version', CASE WHEN r.operation_id IS NULL THEN 1 ELSE 2 END)
  FROM legacy_review l
  JOIN operations o ON o.id = l.operation_id
  LEFT JOIN users u ON u.id = o.actor_id
  LEFT JOIN review_resolutions r ON r.operation_id = o.id
  LEFT JOIN users ru ON ru.id = r.resolved_by
  ORDER BY l.feed_seq, l.part;

  INSERT INTO feed (entity, entity_id, op, station_id, committed_at)
  SELECT 'review', id, 'put', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM reviews ORDER BY rowid;

  DROP TABLE legacy_review;
  `,
];
