import type { ScopeNeeds, ScopeRows } from '../../shared/engine/scope';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { Batch } from '../../shared/schemas/batch';
import type { Change } from '../../shared/schemas/change';
import type { Review } from '../../shared/schemas/review';
import type { Run, RunStep } from '../../shared/schemas/run';
import type { Signature } from '../../shared/schemas/signature';
import type { User } from '../../shared/schemas/users';
import type { Db } from './database';
import type { FeedAppend, FeedStore } from './feedStore';
import { fromJson, idList } from './json';
import { MultiRowInsert } from './multiRowInsert';

type AuditRow = [id: string, operationId: string, runId: string | null, batchId: string | null, body: string, receivedAt: string];

interface UserRow {
  id: string;
  name: string;
  role: User['role'];
  active: number;
}

export const toUser = (row: UserRow): User => ({ id: row.id, name: row.name, role: row.role, active: row.active === 1 });

/**
 * The engine's rows (runs, steps, batches) and its evidence (signatures, audit): read the slice
 * an operation needs, write what applying it changed, each write with its feed entry.
 */
export class PlantStore {
  private readonly runsById;
  private readonly stepsOfRuns;
  private readonly batchesById;
  private readonly usersById;
  private readonly upsertRun;
  private readonly updateRun;
  private readonly upsertStep;
  private readonly updateStep;
  private readonly upsertBatch;
  private readonly removeBatch;
  private readonly insertSignature;
  private readonly insertAudit;
  private readonly reviewsById;
  private readonly upsertReview;
  private readonly insertAudits;
  /** Run and step rows held back until the end of `withRowsWrittenOnce`, last version of each. */
  private held: { runs: Map<string, Run>; steps: Map<string, RunStep> } | null = null;
  /** Feed entries and audit rows of the changes `write` is writing, each inserted in one go at its end. */
  private pending: { feed: FeedAppend[]; audit: AuditRow[] } | null = null;

  constructor(
    private readonly db: Db,
    private readonly feed: FeedStore,
  ) {
    this.runsById = db.prepare<[string], { body: string }>('SELECT body FROM runs WHERE id IN (SELECT value FROM json_each(?))');
    this.stepsOfRuns = db.prepare<[string], { body: string }>(
      'SELECT body FROM run_steps WHERE run_id IN (SELECT value FROM json_each(?)) ORDER BY run_id, position',
    );
    this.batchesById = db.prepare<[string], { body: string }>('SELECT body FROM batches WHERE id IN (SELECT value FROM json_each(?))');
    this.usersById = db.prepare<[string], UserRow>(
      'SELECT id, name, role, active FROM users WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.upsertRun = db.prepare(`
      INSERT INTO runs (id, procedure_id, procedure_version_id, batch_id, status, title, unit_serial, created_at, updated_at, body)
      VALUES (@id, COALESCE((SELECT procedure_id FROM procedures WHERE id = @procedureVersionId), @procedureVersionId),
              @procedureVersionId, @batchId, @status, @title, @unitSerial, @createdAt, @updatedAt, @body)
      ON CONFLICT (id) DO UPDATE SET batch_id = excluded.batch_id, status = excluded.status, title = excluded.title,
        unit_serial = excluded.unit_serial, updated_at = excluded.updated_at, body = excluded.body`);
    // The engine only changes a run's batch, status, progress and time: updating just those
    // columns leaves the title, serial and creation indexes alone (the upsert rewrites them all).
    this.updateRun = db.prepare<[string | null, string, string, string, string, string, string]>(
      'UPDATE runs SET batch_id = ?, status = ?, updated_at = ?, body = ? WHERE id = ? AND title = ? AND unit_serial = ?',
    );
    this.upsertStep = db.prepare(`
      INSERT INTO run_steps (id, run_id, position, body) VALUES (@id, @runId, @position, @body)
      ON CONFLICT (id) DO UPDATE SET body = excluded.body`);
    this.updateStep = db.prepare<[string, string]>('UPDATE run_steps SET body = ? WHERE id = ?');
    this.upsertBatch = db.prepare('INSERT INTO batches (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
    this.removeBatch = db.prepare('DELETE FROM batches WHERE id = ?');
    this.insertSignature = db.prepare(
      'INSERT INTO signatures (id, run_id, step_id, operation_id, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertAudit = db.prepare(
      'INSERT INTO audit (id, operation_id, run_id, batch_id, body, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertAudits = new MultiRowInsert<AuditRow>(db, 'audit (id, operation_id, run_id, batch_id, body, received_at)', 6);
    this.reviewsById = db.prepare<[string], { body: string }>('SELECT body FROM reviews WHERE id IN (SELECT value FROM json_each(?))');
    this.upsertReview = db.prepare(`
      INSERT INTO reviews (id, operation_id, run_id, step_id, batch_id, resolved, body)
      VALUES (@id, @operationId, @runId, @stepId, @batchId, @resolved, @body)
      ON CONFLICT (id) DO UPDATE SET resolved = excluded.resolved, body = excluded.body`);
  }

  /** The loader scope.ts asks for: each run comes with all of its steps. */
  scopeRows(needs: ScopeNeeds): ScopeRows {
    const runIds = idList(needs.runIds);
    return {
      runs: needs.runIds.length ? this.runsById.all(runIds).map((r) => fromJson<Run>(r.body)) : [],
      steps: needs.runIds.length ? this.stepsOfRuns.all(runIds).map((r) => fromJson<RunStep>(r.body)) : [],
      batches: needs.batchIds.length ? this.batchesById.all(idList(needs.batchIds)).map((r) => fromJson<Batch>(r.body)) : [],
      users: needs.userIds.length ? this.usersById.all(idList(needs.userIds)).map(toUser) : [],
      reviews: needs.reviewIds.length ? this.reviewsById.all(idList(needs.reviewIds)).map((r) => fromJson<Review>(r.body)) : [],
    };
  }

  /**
   * Runs `fn` (inside the caller's transaction) writing each run and step row it puts once, at
   * its end, in its last version; feed entries are still appended as each change is made, so
   * their order and numbers are unchanged. Nothing outside the transaction can see the rows in
   * between, and `fn` must not read them back from the database (the push reads its cache).
   * A push of many operations to one batch rewrote the same 11 runs and steps for each one.
   */
  withRowsWrittenOnce<T>(fn: () => T): T {
    if (this.held) return fn();
    this.held = { runs: new Map(), steps: new Map() };
    try {
      const result = fn();
      const { runs, steps } = this.held;
      this.held = null;
      runs.forEach((run) => { this.writeRun(run); });
      steps.forEach((step) => { this.writeStep(step); });
      return result;
    } finally {
      this.held = null;
    }
  }

  putRun(run: Run, at: string): void {
    if (this.held) this.held.runs.set(run.id, run);
    else this.writeRun(run);
    this.appendFeed(['run', run.id, 'put', null], at);
  }

  putStep(step: RunStep, at: string): void {
    if (this.held) this.held.steps.set(step.id, step);
    else this.writeStep(step);
    this.appendFeed(['runStep', step.id, 'put', null], at);
  }

  /**
   * A new run and its pristine steps (as instantiated from its procedure). Only the run gets a
   * feed entry: a station derives each step it holds no row for from the run and its procedure
   * (docs/sync.md, "Pristine steps"), and every later change to a step appends its own entry.
   * A station bootstrapping 100,000 runs of 20 steps thus pulls 100,000 entries, not 2.1 million.
   */
  createRun(run: Run, pristineSteps: readonly RunStep[], at: string): void {
    this.putRun(run, at);
    for (const step of pristineSteps) {
      if (this.held) this.held.steps.set(step.id, step);
      else this.writeStep(step);
    }
  }

  /** Writes the run: a plain update when it exists with the same title and serial, else the upsert. */
  private writeRun(run: Run): void {
    const body = JSON.stringify(run);
    const updated = this.updateRun.run(run.batchId, run.status, run.updatedAt, body, run.id, run.title, run.unitSerial).changes;
    if (updated === 0) this.upsertRun.run({ ...run, body });
  }

  /** Writes the step: a plain update of its body when it exists (as the upsert would), else an insert. */
  private writeStep(step: RunStep): void {
    const body = JSON.stringify(step);
    if (this.updateStep.run(body, step.id).changes === 0) this.upsertStep.run({ id: step.id, runId: step.runId, position: step.position, body });
  }

  putBatch(batch: Batch, at: string): void {
    this.upsertBatch.run(batch.id, JSON.stringify(batch));
    this.appendFeed(['batch', batch.id, 'put', null], at);
  }

  deleteBatch(id: string, at: string): void {
    this.removeBatch.run(id);
    this.appendFeed(['batch', id, 'delete', null], at);
  }

  addSignature(signature: Signature, at: string): void {
    this.insertSignature.run(signature.id, signature.runId, signature.stepId, signature.operationId, JSON.stringify(signature), at);
    this.appendFeed(['signature', signature.id, 'put', null], at);
  }

  addAudit(entry: AuditEntry, at: string): void {
    const row: AuditRow = [entry.id, entry.operationId, entry.runId, entry.batchId, JSON.stringify(entry), at];
    if (this.pending) this.pending.audit.push(row);
    else this.insertAudit.run(...row);
    this.appendFeed(['audit', entry.id, 'put', null], at);
  }

  /** The entry now, or with the rest of `write`'s entries at its end (same order, same numbers). */
  private appendFeed(entry: FeedAppend, at: string): void {
    if (this.pending) this.pending.feed.push(entry);
    else this.feed.append(...entry, at);
  }

  /** A review item's current row: raised once, then put again once when resolved. */
  putReview(review: Review, at: string): void {
    const { id, operationId, runId, stepId, batchId } = review;
    this.upsertReview.run({ id, operationId, runId, stepId, batchId, resolved: review.resolution ? 1 : 0, body: JSON.stringify(review) });
    this.appendFeed(['review', review.id, 'put', null], at);
  }

  /**
   * Writes what the engine returned, in its order; `at` is the server's receive time. The audit
   * rows and the feed entries are inserted at the end, each kind in one multi-row INSERT: an
   * operation reaching 10 siblings writes 11 audit rows and 34 feed entries, and a statement
   * per row cost more than the rows. Nothing reads them back in between.
   */
  write(changes: readonly Change[], at: string): void {
    if (this.pending) throw new Error('PlantStore.write called inside another write');
    const pending: { feed: FeedAppend[]; audit: AuditRow[] } = { feed: [], audit: [] };
    this.pending = pending;
    try {
      this.writeEach(changes, at);
    } finally {
      this.pending = null;
    }
    this.insertAudits.run(pending.audit);
    this.feed.appendAll(pending.feed, at);
  }

  private writeEach(changes: readonly Change[], at: string): void {
    for (const change of changes) {
      switch (change.entity) {
        case 'run':
          this.putRun(change.row, at);
          break;
        case 'runStep':
          this.putStep(change.row, at);
          break;
        case 'batch':
          if (change.op === 'put') this.putBatch(change.row, at);
          else this.deleteBatch(change.id, at);
          break;
        case 'signature':
          this.addSignature(change.row, at);
          break;
        case 'audit':
          this.addAudit(change.row, at);
          break;
        case 'review':
          this.putReview(change.row, at);
          break;
        default:
          change satisfies never;
      }
    }
  }
}
