import type { ReviewItem } from '../../shared/protocol/reads';
import type { Review } from '../../shared/schemas/review';
import type { Run, RunStep } from '../../shared/schemas/run';
import type { Db } from './database';
import { fromJson } from './json';

interface ItemRow {
  body: string;
  received_at: string | null;
  run_body: string | null;
  step_body: string | null;
}

/**
 * The supervisors' queue: the review rows the push path writes (one per operation and run),
 * oldest first, with when the operation arrived and the run and step as they stand now.
 */
export class ReviewStore {
  private readonly list;

  constructor(db: Db) {
    this.list = db.prepare<[number], ItemRow>(`
      SELECT v.body, o.received_at, r.body AS run_body, s.body AS step_body
      FROM reviews v
      LEFT JOIN operations o ON o.id = v.operation_id
      LEFT JOIN runs r ON r.id = v.run_id
      LEFT JOIN run_steps s ON s.id = v.step_id
      WHERE ? = 1 OR v.resolved = 0
      ORDER BY v.rowid LIMIT 1000`);
  }

  items(includeResolved: boolean): ReviewItem[] {
    return this.list.all(includeResolved ? 1 : 0).map((row) => ({
      review: fromJson<Review>(row.body),
      receivedAt: row.received_at,
      now: {
        run: row.run_body === null ? null : fromJson<Run>(row.run_body),
        step: row.step_body === null ? null : fromJson<RunStep>(row.step_body),
      },
    }));
  }
}
