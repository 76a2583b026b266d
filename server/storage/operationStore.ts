import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import type { Db } from './database';
import { fromJson } from './json';

export interface RecordedOperation {
  id: string;
  stationId: string;
  stationSeq: number;
  outcome: Outcome;
  feedSeq: number;
  receivedAt: string;
}

interface OperationRow {
  id: string;
  station_id: string;
  station_seq: number;
  body: string;
  outcome: string;
  feed_seq: number;
  received_at: string;
}

const toRecorded = (row: OperationRow): RecordedOperation => ({
  id: row.id,
  stationId: row.station_id,
  stationSeq: row.station_seq,
  outcome: fromJson<Outcome>(row.outcome),
  feedSeq: row.feed_seq,
  receivedAt: row.received_at,
});

/** An entry that names its id and station but is not a valid operation. */
export interface UnreadableEntry {
  id: string;
  stationId: string;
  kind: string;
  actorId: string;
  raw: unknown;
  /** What the schema said was wrong, naming the fields. */
  problem: string;
}

/** Whether a supervisor must look at this outcome: a review, or a run left out for one. */
export function outcomeNeedsReview(outcome: Outcome): boolean {
  return outcome.status === 'needs_review' || (outcome.status === 'applied_with_exclusions' && outcome.excluded.some((e) => e.review));
}

/** The operations stations pushed, each with its one outcome, and each station's sequence. */
export class OperationStore {
  private readonly byId;
  private readonly atSeq;
  private readonly nextSeqOf;
  private readonly insertOperation;
  private readonly insertSeq;
  private readonly advance;

  constructor(db: Db) {
    this.byId = db.prepare<[string], OperationRow>('SELECT * FROM operations WHERE id = ?');
    this.atSeq = db.prepare<[string, number], { operation_id: string }>(
      'SELECT operation_id FROM station_sequence WHERE station_id = ? AND seq = ?',
    );
    this.nextSeqOf = db.prepare<[string], { next_seq: number }>('SELECT next_seq FROM stations WHERE id = ?');
    this.insertOperation = db.prepare(`
      INSERT INTO operations (id, station_id, station_seq, kind, actor_id, body, status, outcome, needs_review, feed_seq, received_at)
      VALUES (@id, @stationId, @stationSeq, @kind, @actorId, @body, @status, @outcome, @needsReview, @feedSeq, @receivedAt)`);
    this.insertSeq = db.prepare('INSERT INTO station_sequence (station_id, seq, operation_id) VALUES (?, ?, ?)');
    this.advance = db.prepare('UPDATE stations SET next_seq = ? WHERE id = ?');
  }

  get(id: string): RecordedOperation | undefined {
    const row = this.byId.get(id);
    return row ? toRecorded(row) : undefined;
  }

  /** The id of the operation a station sent with this sequence number, if it did. */
  idAt(stationId: string, seq: number): string | undefined {
    return this.atSeq.get(stationId, seq)?.operation_id;
  }

  nextSeq(stationId: string): number {
    return this.nextSeqOf.get(stationId)?.next_seq ?? 1;
  }

  /** Records a new operation's outcome and takes its sequence number. */
  record(op: Operation, stationSeq: number, outcome: Outcome, feedSeq: number, receivedAt: string): void {
    this.insertOperation.run({
      id: op.id,
      stationId: op.stationId,
      stationSeq,
      kind: op.kind,
      actorId: op.actorId,
      body: JSON.stringify(op),
      status: outcome.status,
      outcome: JSON.stringify(outcome),
      needsReview: outcomeNeedsReview(outcome) ? 1 : 0,
      feedSeq,
      receivedAt,
    });
    this.takeSeq(op.stationId, stationSeq, op.id);
  }

  /**
   * Records an entry the server could not read as an operation (a station of another version, a
   * bug): kept as sent, rejected with the reason, so it holds its sequence number and the
   * station's later work goes on.
   */
  recordUnreadable(entry: UnreadableEntry, stationSeq: number, outcome: Outcome, feedSeq: number, receivedAt: string): void {
    this.insertOperation.run({
      id: entry.id,
      stationId: entry.stationId,
      stationSeq,
      kind: entry.kind,
      actorId: entry.actorId,
      body: JSON.stringify(entry.raw),
      status: outcome.status,
      outcome: JSON.stringify(outcome),
      needsReview: 0,
      feedSeq,
      receivedAt,
    });
    this.takeSeq(entry.stationId, stationSeq, entry.id);
  }

  /** Takes a sequence number for an operation already recorded (the station sent it again under a new number). */
  takeSeq(stationId: string, seq: number, operationId: string): void {
    this.insertSeq.run(stationId, seq, operationId);
    this.advance.run(seq + 1, stationId);
  }
}
