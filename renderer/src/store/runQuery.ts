import type { RunStatus } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import type { RunLabels } from './runLabels';

export type RunSortColumn = 'id' | 'title' | 'procedure' | 'unit' | 'status' | 'batch' | 'updated';

/** 'any', 'none' (in no batch), 'batched' (in any batch) or `batch:{id}`. */
export type BatchFilter = 'any' | 'none' | 'batched' | `batch:${string}`;

export interface RunQuery {
  sort: RunSortColumn;
  descending: boolean;
  statuses: readonly RunStatus[];
  procedureVersionIds: readonly string[];
  batch: BatchFilter;
  search: string;
}

/** The order "Status" sorts in: what needs attention first. */
export const statusOrder: readonly RunStatus[] = ['failed', 'redline', 'hold', 'in_progress', 'todo', 'partially_complete', 'complete', 'skipped'];

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The ids of the runs that match, in order, read from the indexes (keys only, never whole rows):
 * the runs table keeps this one array and reads the rows of the visible window alone.
 */
export async function matchingRunIds(db: StationDb, query: RunQuery, labels: RunLabels): Promise<string[]> {
  const needle = query.search.trim().toLowerCase();
  const [ordered, ...filters] = await Promise.all([
    orderedIds(db, query.sort, labels),
    query.statuses.length > 0 ? db.runs.where('status').anyOf([...query.statuses]).primaryKeys() : null,
    query.procedureVersionIds.length > 0 ? db.runs.where('procedureVersionId').anyOf([...query.procedureVersionIds]).primaryKeys() : null,
    batchIds(db, query.batch),
  ]);
  const sets = filters.filter((f): f is string[] => f !== null).map((f) => new Set(f));
  const excludeBatched = query.batch === 'none' ? new Set(await db.runs.orderBy('batchId').primaryKeys()) : null;
  if (needle !== '') await labels.ensure(db, ordered);
  const matches = ordered.filter((id) => {
    if (excludeBatched?.has(id)) return false;
    for (const set of sets) if (!set.has(id)) return false;
    if (needle === '') return true;
    if (id.toLowerCase().includes(needle)) return true;
    const label = labels.get(id);
    return label !== undefined && (label.title.toLowerCase().includes(needle) || label.unitSerial.toLowerCase().includes(needle));
  });
  return query.descending ? matches.reverse() : matches;
}

function batchIds(db: StationDb, filter: BatchFilter): Promise<string[]> | null {
  if (filter === 'any' || filter === 'none') return null;
  if (filter === 'batched') return db.runs.orderBy('batchId').primaryKeys();
  return db.runs.where('batchId').equals(filter.slice('batch:'.length)).primaryKeys();
}

async function orderedIds(db: StationDb, sort: RunSortColumn, labels: RunLabels): Promise<string[]> {
  switch (sort) {
    case 'id':
      return byNumber(await db.runs.toCollection().primaryKeys());
    case 'procedure':
      return db.runs.orderBy('procedureVersionId').primaryKeys();
    case 'updated':
      return db.runs.orderBy('updatedAt').primaryKeys();
    case 'status': {
      const groups = await Promise.all(statusOrder.map((s) => db.runs.where('status').equals(s).primaryKeys()));
      return groups.flat();
    }
    case 'batch': {
      // Runs in no batch have no key in the batchId index: they come after the batched ones.
      const [batched, all] = await Promise.all([db.runs.orderBy('batchId').primaryKeys(), db.runs.toCollection().primaryKeys()]);
      const inBatch = new Set(batched);
      return [...batched, ...byNumber(all.filter((id) => !inBatch.has(id)))];
    }
    case 'title':
    case 'unit': {
      const all = await db.runs.toCollection().primaryKeys();
      await labels.ensure(db, all);
      const key = (id: string) => (sort === 'title' ? labels.get(id)?.title : labels.get(id)?.unitSerial) ?? '';
      return all.sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a, b));
    }
    default:
      return sort satisfies never;
  }
}

/** Run ids in the order people count them: R-999 before R-1000. */
function byNumber(ids: string[]): string[] {
  return ids.sort((a, b) => collator.compare(a, b));
}
