import type { FeedEntry, PullResponse } from '../../../shared/protocol/sync';
import type { CacheChange } from '../store/cacheChanges';
import type { ServerPage } from '../store/serverPage';

function toCacheChange(entry: FeedEntry): CacheChange {
  switch (entry.entity) {
    case 'batch':
      return entry.op === 'delete' || entry.row === null
        ? { entity: 'batch', op: 'delete', id: entry.id }
        : { entity: 'batch', op: 'put', row: entry.row };
    case 'run':
      return { entity: 'run', op: 'put', row: entry.row };
    case 'runStep':
      return { entity: 'runStep', op: 'put', row: entry.row };
    case 'signature':
      return { entity: 'signature', op: 'put', row: entry.row };
    case 'audit':
      // Kept for the step's history: when the server received it is part of the record.
      return { entity: 'audit', op: 'put', row: { ...entry.row, receivedAt: entry.receivedAt } };
    case 'review':
      return { entity: 'review', op: 'put', row: entry.row };
    case 'procedure':
      return { entity: 'procedure', op: 'put', row: entry.row };
    case 'user':
      return { entity: 'user', op: 'put', row: entry.row };
    default:
      return entry satisfies never;
  }
}

/** A pulled page as the store applies it: rows and tombstones, and this station's outcomes at their feed positions. */
export function toServerPage(page: PullResponse, since: number): ServerPage {
  return {
    since,
    changes: page.changes.map(toCacheChange),
    outcomes: page.outcomes.map((o) => ({ operationId: o.operationId, outcome: o.outcome, feedSeq: o.seq, stationSeq: o.stationSeq })),
    cursor: page.cursor,
    more: page.more,
  };
}
