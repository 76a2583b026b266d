import type { ReviewItem } from '../../shared/protocol/reads';
import type { Run, RunStep } from '../../shared/schemas/run';
import type { Db } from './database';
import { fromJson } from './json';

interface ReviewRow {
  id: string;
  station_id: string;
  station_seq: number;
  body: string;
  outcome: string;
  received_at: string;
  resolved_by: string | null;
  resolver_name: string | null;
  note: string | null;
  resolved_at: string | null;
}

/**
 * The supervisors' queue: every operation whose outcome needs review or left a run out for one,
 * with both sides. Resolving records who decided and why; it never edits the operation.
 */
export class ReviewStore {
  private readonly list;
  private readonly one;
  private readonly stepById;
  private readonly runById;
  private readonly insertResolution;

  constructor(db: Db) {
    const select = `
      SELECT o.id, o.station_id, o.station_seq, o.body, o.outcome, o.received_at,
             r.resolved_by, u.name AS resolver_name, r.note, r.resolved_at
      FROM operations o
      LEFT JOIN review_resolutions r ON r.operation_id = o.id
      LEFT JOIN users u ON u.id = r.resolved_by`;
    this.list = db.prepare<[number], ReviewRow>(
      `${select} WHERE o.needs_review = 1 AND (? = 1 OR r.operation_id IS NULL) ORDER BY o.feed_seq LIMIT 1000`,
    );
    this.one = db.prepare<[string], ReviewRow>(`${select} WHERE o.id = ? AND o.needs_review = 1`);
    this.stepById = db.prepare<[string], { body: string }>('SELECT body FROM run_steps WHERE id = ?');
    this.runById = db.prepare<[string], { body: string }>('SELECT body FROM runs WHERE id = ?');
    this.insertResolution = db.prepare('INSERT INTO review_resolutions (operation_id, resolved_by, note, resolved_at) VALUES (?, ?, ?, ?)');
  }

  items(includeResolved: boolean): ReviewItem[] {
    return this.list.all(includeResolved ? 1 : 0).map((row) => this.item(row));
  }

  get(operationId: string): ReviewItem | undefined {
    const row = this.one.get(operationId);
    return row ? this.item(row) : undefined;
  }

  resolve(operationId: string, by: string, note: string, at: string): void {
    this.insertResolution.run(operationId, by, note, at);
  }

  private item(row: ReviewRow): ReviewItem {
    const operation = fromJson<ReviewItem['operation']>(row.body);
    const outcome = fromJson<ReviewItem['outcome']>(row.outcome);
    // "Now": the step acted on and every run the outcome names, as they stand today.
    const stepIds = 'stepId' in operation ? [operation.stepId] : [];
    const runIds = new Set<string>('runId' in operation ? [operation.runId] : []);
    if (outcome.status === 'applied_with_exclusions') outcome.excluded.forEach((e) => runIds.add(e.runId));
    const steps = stepIds.flatMap((id) => {
      const s = this.stepById.get(id);
      return s ? [fromJson<RunStep>(s.body)] : [];
    });
    const runs = [...runIds].flatMap((id) => {
      const r = this.runById.get(id);
      return r ? [fromJson<Run>(r.body)] : [];
    });
    return {
      operationId: row.id,
      stationId: row.station_id,
      stationSeq: row.station_seq,
      receivedAt: row.received_at,
      operation,
      outcome,
      now: { steps, runs },
      resolution:
        row.resolved_by !== null && row.resolved_at !== null
          ? { by: row.resolved_by, byName: row.resolver_name ?? row.resolved_by, note: row.note ?? '', at: row.resolved_at }
          : null,
    };
  }
}
