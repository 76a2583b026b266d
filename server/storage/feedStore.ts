import type { FeedEntry, StationOutcome } from '../../shared/protocol/sync';
import type { Outcome } from '../../shared/schemas/outcome';
import type { Db } from './database';
import { fromJson } from './json';
import { MultiRowInsert } from './multiRowInsert';

/** What the feed records: the engine's entities, plus one entry per operation for its outcome. */
export type FeedEntity = FeedEntry['entity'] | 'operation';

/** One entry to append: the row it names, and the station whose operation it is (outcome entries). */
export type FeedAppend = [entity: FeedEntity, id: string, op: 'put' | 'delete', stationId: string | null];

interface FeedRow {
  seq: number;
  entity: FeedEntity;
  entity_id: string;
  op: 'put' | 'delete';
  station_id: string | null;
  committed_at: string;
}

export interface FeedPage {
  changes: FeedEntry[];
  outcomes: StationOutcome[];
  cursor: number;
  head: number;
}

/**
 * The change feed: a gap-free global sequence in commit order (SQLite has one writer at a time,
 * and a rolled-back transaction gives its numbers back). Entries name a row; a page reads each
 * row as it stands now, so a station that pulls to the head holds the server's current rows.
 */
export class FeedStore {
  private readonly insert;
  private readonly insertMany;
  private readonly maxSeq;
  private readonly rangeRows;
  private readonly bodyOf: Record<Exclude<FeedEntity, 'operation'>, { get(id: string): { body: string; received_at?: string } | undefined }>;
  private readonly outcomeOf;

  constructor(db: Db) {
    this.insert = db.prepare<[string, string, string, string | null, string]>(
      'INSERT INTO feed (entity, entity_id, op, station_id, committed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertMany = new MultiRowInsert<[FeedEntity, string, 'put' | 'delete', string | null, string]>(
      db,
      'feed (entity, entity_id, op, station_id, committed_at)',
      5,
    );
    this.maxSeq = db.prepare<[], { head: number | null }>('SELECT MAX(seq) AS head FROM feed');
    this.rangeRows = db.prepare<[number, number], FeedRow>('SELECT * FROM feed WHERE seq > ? ORDER BY seq LIMIT ?');
    const body = (table: string, extra = '') =>
      db.prepare<[string], { body: string; received_at?: string }>(`SELECT body${extra} FROM ${table} WHERE id = ?`);
    this.bodyOf = {
      run: body('runs'),
      runStep: body('run_steps'),
      batch: body('batches'),
      signature: body('signatures'),
      audit: body('audit', ', received_at'),
      review: body('reviews'),
      procedure: body('procedures'),
      // People are sent as their public profile: never the badge or the PIN hash.
      user: db.prepare<[string], { body: string }>(
        "SELECT json_object('id', id, 'name', name, 'role', role, 'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END)) AS body FROM users WHERE id = ?",
      ),
    };
    this.outcomeOf = db.prepare<[string], { station_id: string; station_seq: number; outcome: string }>(
      'SELECT station_id, station_seq, outcome FROM operations WHERE id = ?',
    );
  }

  append(entity: FeedEntity, id: string, op: 'put' | 'delete', stationId: string | null, at: string): number {
    return Number(this.insert.run(entity, id, op, stationId, at).lastInsertRowid);
  }

  /**
   * Appends the entries in order, numbered as one `append` each would number them, in as few
   * statements as can hold them (an operation's changes are 34 entries at 10 siblings). The
   * number of the last entry, or 0 for none. Inside a transaction only, which a failure must
   * roll back (see MultiRowInsert).
   */
  appendAll(entries: readonly FeedAppend[], at: string): number {
    return this.insertMany.run(entries.map(([entity, id, op, stationId]) => [entity, id, op, stationId, at] as const));
  }

  head(): number {
    return this.maxSeq.get()?.head ?? 0;
  }

  /**
   * Entries after `since`, at most `limit` of them scanned. A row named twice in one page is sent
   * once, at its last place. Outcome entries go only to the station that pushed the operation.
   * Call inside a read transaction so the page is one consistent snapshot.
   */
  page(since: number, limit: number, stationId: string): FeedPage {
    const rows = this.rangeRows.all(since, limit);
    const last = new Map<string, number>();
    rows.forEach((row, i) => last.set(`${row.entity}:${row.entity_id}`, i));
    const changes: FeedEntry[] = [];
    const outcomes: StationOutcome[] = [];
    rows.forEach((row, i) => {
      if (last.get(`${row.entity}:${row.entity_id}`) !== i) return;
      if (row.entity === 'operation') {
        if (row.station_id !== stationId) return;
        const op = this.outcomeOf.get(row.entity_id);
        if (op) outcomes.push({ seq: row.seq, stationSeq: op.station_seq, operationId: row.entity_id, outcome: fromJson<Outcome>(op.outcome) });
        return;
      }
      const entry = this.entry(row, row.entity);
      if (entry) changes.push(entry);
    });
    const cursor = rows.at(-1)?.seq ?? since;
    return { changes, outcomes, cursor, head: this.head() };
  }

  private entry(row: FeedRow, entity: Exclude<FeedEntity, 'operation'>): FeedEntry | null {
    const base = { seq: row.seq, committedAt: row.committed_at };
    const found = this.bodyOf[entity].get(row.entity_id);
    switch (entity) {
      case 'batch':
        // A batch dissolved since this entry was written is sent as the tombstone it now is.
        return found
          ? { ...base, entity: 'batch', op: 'put', id: row.entity_id, row: fromJson(found.body) }
          : { ...base, entity: 'batch', op: 'delete', id: row.entity_id, row: null };
      case 'run':
        return found ? { ...base, entity: 'run', op: 'put', row: fromJson(found.body) } : null;
      case 'runStep':
        return found ? { ...base, entity: 'runStep', op: 'put', row: fromJson(found.body) } : null;
      case 'signature':
        return found ? { ...base, entity: 'signature', op: 'put', row: fromJson(found.body) } : null;
      case 'audit':
        return found ? { ...base, entity: 'audit', op: 'put', row: fromJson(found.body), receivedAt: found.received_at ?? row.committed_at } : null;
      case 'review':
        return found ? { ...base, entity: 'review', op: 'put', row: fromJson(found.body) } : null;
      case 'procedure':
        return found ? { ...base, entity: 'procedure', op: 'put', row: fromJson(found.body) } : null;
      case 'user':
        return found ? { ...base, entity: 'user', op: 'put', row: fromJson(found.body) } : null;
      default:
        return entity satisfies never;
    }
  }
}
