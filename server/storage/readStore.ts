import type { BatchWithMembers, RunSort, RunsPage, RunsQuery } from '../../shared/protocol/reads';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { Batch } from '../../shared/schemas/batch';
import type { Run, RunStep } from '../../shared/schemas/run';
import type { Signature } from '../../shared/schemas/signature';
import type { Db } from './database';
import { fromJson } from './json';
import { decodeCursor, encodeCursor } from './pageCursor';

/** Sort keys to columns: a fixed map, so no client text ever reaches the SQL. */
const sortColumn: Record<RunSort, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  id: 'id',
  title: 'title',
  status: 'status',
  unitSerial: 'unit_serial',
};
const sortValue: Record<RunSort, (run: Run) => string> = {
  createdAt: (r) => r.createdAt,
  updatedAt: (r) => r.updatedAt,
  id: (r) => r.id,
  title: (r) => r.title,
  status: (r) => r.status,
  unitSerial: (r) => r.unitSerial,
};

export class InvalidCursorError extends Error {}

/** The read side of the API: lists and details, never on the apply path. */
export class ReadStore {
  private readonly runById;
  private readonly stepsOfRun;
  private readonly signaturesOfRun;
  private readonly auditOfRun;
  private readonly batchById;
  private readonly batchPage;
  private readonly batchCount;
  private readonly membersOf;

  constructor(private readonly db: Db) {
    this.runById = db.prepare<[string], { body: string }>('SELECT body FROM runs WHERE id = ?');
    this.stepsOfRun = db.prepare<[string], { body: string }>('SELECT body FROM run_steps WHERE run_id = ? ORDER BY position');
    this.signaturesOfRun = db.prepare<[string], { body: string }>('SELECT body FROM signatures WHERE run_id = ? ORDER BY rowid');
    this.auditOfRun = db.prepare<[string], { body: string; received_at: string }>(
      'SELECT body, received_at FROM audit WHERE run_id = ? ORDER BY rowid',
    );
    this.batchById = db.prepare<[string], { body: string }>('SELECT body FROM batches WHERE id = ?');
    this.batchPage = db.prepare<[string, number], { body: string }>('SELECT body FROM batches WHERE id > ? ORDER BY id LIMIT ?');
    this.batchCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM batches');
    this.membersOf = db.prepare<[string], { id: string; title: string; unit_serial: string; status: Run['status'] }>(
      'SELECT id, title, unit_serial, status FROM runs WHERE batch_id = ?',
    );
  }

  runs(query: RunsQuery): RunsPage {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (query.status) {
      where.push('status = @status');
      params['status'] = query.status;
    }
    if (query.procedure) {
      where.push('(procedure_version_id = @procedure OR procedure_id = @procedure)');
      params['procedure'] = query.procedure;
    }
    if (query.batch === 'none') where.push('batch_id IS NULL');
    else if (query.batch) {
      where.push('batch_id = @batch');
      params['batch'] = query.batch;
    }
    if (query.q) {
      where.push("(id LIKE @q ESCAPE '\\' OR title LIKE @q ESCAPE '\\' OR unit_serial LIKE @q ESCAPE '\\')");
      params['q'] = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.db.prepare<Record<string, string | number>, { n: number }>(`SELECT COUNT(*) AS n FROM runs ${filter}`).get(params)?.n ?? 0;

    const column = sortColumn[query.sort];
    const [cmp, dir] = query.order === 'asc' ? ['>', 'ASC'] : ['<', 'DESC'];
    const keyset: string[] = [...where];
    if (query.cursor !== undefined) {
      const cursor = decodeCursor(query.cursor);
      if (!cursor) throw new InvalidCursorError('cursor: not a cursor this server gave out');
      keyset.push(`(${column} ${cmp} @cv OR (${column} = @cv AND id ${cmp} @cid))`);
      params['cv'] = cursor.value;
      params['cid'] = cursor.id;
    }
    params['limit'] = query.limit + 1;
    const sql = `SELECT body FROM runs ${keyset.length ? `WHERE ${keyset.join(' AND ')}` : ''} ORDER BY ${column} ${dir}, id ${dir} LIMIT @limit`;
    const rows = this.db.prepare<Record<string, string | number>, { body: string }>(sql).all(params);
    const items = rows.slice(0, query.limit).map((r) => fromJson<Run>(r.body));
    const last = items.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor({ value: sortValue[query.sort](last), id: last.id }) : null;
    return { items, nextCursor, total };
  }

  run(id: string): Run | undefined {
    const row = this.runById.get(id);
    return row ? fromJson<Run>(row.body) : undefined;
  }

  steps(runId: string): RunStep[] {
    return this.stepsOfRun.all(runId).map((r) => fromJson<RunStep>(r.body));
  }

  signatures(runId: string): Signature[] {
    return this.signaturesOfRun.all(runId).map((r) => fromJson<Signature>(r.body));
  }

  audit(runId: string): (AuditEntry & { receivedAt: string })[] {
    return this.auditOfRun.all(runId).map((r) => ({ ...fromJson<AuditEntry>(r.body), receivedAt: r.received_at }));
  }

  batch(id: string): BatchWithMembers | undefined {
    const row = this.batchById.get(id);
    return row ? this.withMembers(fromJson<Batch>(row.body)) : undefined;
  }

  batches(after: string, limit: number): { items: BatchWithMembers[]; nextCursor: string | null; total: number } {
    const rows = this.batchPage.all(after, limit + 1);
    const items = rows.slice(0, limit).map((r) => this.withMembers(fromJson<Batch>(r.body)));
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ value: last.batch.id, id: last.batch.id }) : null,
      total: this.batchCount.get()?.n ?? 0,
    };
  }

  private withMembers(batch: Batch): BatchWithMembers {
    const byId = new Map(this.membersOf.all(batch.id).map((m) => [m.id, m]));
    const members = batch.memberRunIds.flatMap((id) => {
      const m = byId.get(id);
      return m ? [{ id: m.id, title: m.title, unitSerial: m.unit_serial, status: m.status }] : [];
    });
    return { batch, members };
  }
}
