import type { RunSortColumn } from './runQuery';
import { statusOrder } from './runQuery';
import type { RunSummary } from './runSummary';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** IndexedDB's order for strings (code units), which the table kept when it sorted from the indexes. */
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = new Map(statusOrder.map((s, i) => [s, i]));
const rankOf = (r: RunSummary) => rank.get(r.status) ?? statusOrder.length;

/** Run ids in the order people count them: R-999 before R-1000. */
const byNumber = (a: RunSummary, b: RunSummary) => collator.compare(a.id, b.id);

/**
 * The ascending order of each sort column; every one ends with the id, so no two runs tie and an
 * order can be kept by binary search. Descending is the same order reversed.
 */
export const compareRuns: Record<RunSortColumn, (a: RunSummary, b: RunSummary) => number> = {
  id: byNumber,
  title: (a, b) => collator.compare(a.title, b.title) || byNumber(a, b),
  unit: (a, b) => collator.compare(a.unitSerial, b.unitSerial) || byNumber(a, b),
  procedure: (a, b) => plain(a.procedureVersionId, b.procedureVersionId) || plain(a.id, b.id),
  // What needs attention first.
  status: (a, b) => rankOf(a) - rankOf(b) || plain(a.id, b.id),
  // Batched runs by batch, then runs in no batch by number.
  batch: (a, b) => {
    if (a.batchId !== null && b.batchId !== null) return plain(a.batchId, b.batchId) || plain(a.id, b.id);
    if (a.batchId !== null) return -1;
    if (b.batchId !== null) return 1;
    return byNumber(a, b);
  },
  updated: (a, b) => plain(a.updatedAt, b.updatedAt) || plain(a.id, b.id),
};
