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

/** Open notices, newest operation first. Outcomes are few per station, so a scan is cheap. */
export async function openAttention(db: StationDb): Promise<OutcomeRow[]> {
  const rows = await db.outcomes.filter((r) => r.dismissedAt === undefined && needsAttention(r)).toArray();
  return rows.sort((a, b) => b.seq - a.seq);
}

/** Closes a notice on this station only: the server's verdict and its review queue stay. */
export async function dismissAttention(db: StationDb, operationIds: readonly string[], at = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.outcomes, async () => {
    for (const id of operationIds) await db.outcomes.update(id, { dismissedAt: at });
  });
}
