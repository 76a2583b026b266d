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
   * Entries after `since`, at most `limit` of them scanned, as the JSON text of the PullResponse
   * `stationId` pulls. A row named twice in one page is sent once, at its last place; outcome
   * entries go only to the station that pushed the operation. Each row's stored JSON goes into
   * the text as it is, not parsed and written out again (a bootstrap page of 2,000 runs spent most
   * of its server time doing that). Call inside a read transaction: one consistent snapshot.
   */
  pageJson(since: number, limit: number, stationId: string): string {
    const { entries, outcomes, cursor, head } = this.rawPage(since, limit, stationId);
    const changes = entries.map(entryJson).join(',');
    return `{"changes":[${changes}],"outcomes":${JSON.stringify(outcomes)},"cursor":${String(cursor)},"head":${String(head)},"more":${String(cursor < head)}}`;
  }

  private rawPage(since: number, limit: number, stationId: string): RawPage {
    const rows = this.rangeRows.all(since, limit);
    const last = new Map<string, number>();
    rows.forEach((row, i) => last.set(`${row.entity}:${row.entity_id}`, i));
    const entries: RawEntry[] = [];
    const outcomes: StationOutcome[] = [];
    rows.forEach((row, i) => {
      if (last.get(`${row.entity}:${row.entity_id}`) !== i) return;
      if (row.entity === 'operation') {
        if (row.station_id !== stationId) return;
        const op = this.outcomeOf.get(row.entity_id);
        if (op) outcomes.push({ seq: row.seq, stationSeq: op.station_seq, operationId: row.entity_id, outcome: fromJson<Outcome>(op.outcome) });
        return;
      }
      const entry = this.rawEntry(row, row.entity);
      if (entry) entries.push(entry);
    });
    const cursor = rows.at(-1)?.seq ?? since;
    return { entries, outcomes, cursor, head: this.head() };
  }

  private rawEntry(row: FeedRow, entity: Exclude<FeedEntity, 'operation'>): RawEntry | null {
    const base = { seq: row.seq, committedAt: row.committed_at, entity };
    const found = this.bodyOf[entity].get(row.entity_id);
    // A batch dissolved since this entry was written is sent as the tombstone it now is.
    if (entity === 'batch') return found ? { ...base, op: 'put', id: row.entity_id, row: found.body } : { ...base, op: 'delete', id: row.entity_id, row: null };
    if (!found) return null;
    if (entity === 'audit') return { ...base, op: 'put', row: found.body, receivedAt: found.received_at ?? row.committed_at };
    return { ...base, op: 'put', row: found.body };
  }
}

/** A feed entry whose row is still the stored JSON text (null for a tombstone). */
interface RawEntry {
  seq: number;
  committedAt: string;
  entity: Exclude<FeedEntity, 'operation'>;
  op: 'put' | 'delete';
  /** Only batches carry their id beside the row (a tombstone has no row). */
  id?: string;
  row: string | null;
  /** Only audit entries: when the server received the operation. */
  receivedAt?: string;
}

interface RawPage {
  entries: RawEntry[];
  outcomes: StationOutcome[];
  cursor: number;
  head: number;
}

/** The entry as JSON text, its stored row spliced in unchanged. */
function entryJson(entry: RawEntry): string {
  const id = entry.id === undefined ? '' : `,"id":${JSON.stringify(entry.id)}`;
  const receivedAt = entry.receivedAt === undefined ? '' : `,"receivedAt":${JSON.stringify(entry.receivedAt)}`;
  return `{"seq":${String(entry.seq)},"committedAt":${JSON.stringify(entry.committedAt)},"entity":"${entry.entity}","op":"${entry.op}"${id},"row":${entry.row ?? 'null'}${receivedAt}}`;
}
