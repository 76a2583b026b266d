import type { StationDb, OutcomeRow } from './db';

/**
 * Outcomes a person here must see: the server refused the operation, sent it for review, or
 * left a run out of it that a supervisor must decide on. A plain success needs no attention.
 */
export function needsAttention(row: OutcomeRow): boolean {
  const { outcome } = row;
  if (outcome.status === 'rejected' || outcome.status === 'needs_review') return true;
  return outcome.status === 'applied_with_exclusions' && outcome.excluded.some((e) => e.review);
}

/** The row with its `attention` mark set as its outcome and dismissal say. */
export function markAttention(row: OutcomeRow): OutcomeRow {
  const open = row.dismissedAt === undefined && needsAttention(row);
  if (open) return row.attention === 1 ? row : { ...row, attention: 1 };
  const closed = { ...row };
  delete closed.attention;
  return closed;
}

/** Open notices, newest operation first: read by their index, however many outcomes the station holds. */
export async function openAttention(db: StationDb): Promise<OutcomeRow[]> {
  const rows = await db.outcomes.where('attention').equals(1).toArray();
  return rows.filter((r) => r.dismissedAt === undefined && needsAttention(r)).sort((a, b) => b.seq - a.seq);
}

/** Closes a notice on this station only: the server's verdict and its review queue stay. */
export async function dismissAttention(db: StationDb, operationIds: readonly string[], at = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.outcomes, async () => {
    const rows = await db.outcomes.bulkGet([...operationIds]);
    const dismissed = rows.flatMap((row) => (row ? [markAttention({ ...row, dismissedAt: at })] : []));
    await db.outcomes.bulkPut(dismissed);
  });
}
