import type { Run } from '../../../shared/schemas/run';
import { ownCopy } from './idSlots';

/**
 * Everything the runs table shows, sorts, filters and searches for one run: the run without its
 * step ids. The table holds one of these per cached run in memory (store/runIndex.ts), so it
 * never reads IndexedDB while a person searches or scrolls.
 */
export type RunSummary = Pick<Run, 'id' | 'title' | 'unitSerial' | 'procedureVersionId' | 'batchId' | 'status' | 'stepsDone' | 'stepsTotal' | 'updatedAt'>;

/**
 * One copy of each value a column repeats. A row read from IndexedDB brings its own copy of every
 * string, so 100,000 summaries held 100,000 copies of a handful of statuses and procedure ids:
 * heap objects that every major GC marks, and whose pause, landing in a frame of a scroll, is
 * what still put frames over 16 ms (docs/scale.md). Bounded by the distinct values.
 */
const shared = new Map<string, string>();
function one<T extends string>(value: T): T {
  const known = shared.get(value);
  if (known !== undefined) return known as T;
  shared.set(value, value);
  return value;
}

export function summaryOf(run: Run): RunSummary {
  return {
    id: ownCopy(run.id),
    title: run.title,
    unitSerial: run.unitSerial,
    procedureVersionId: one(run.procedureVersionId),
    batchId: run.batchId === null ? null : one(run.batchId),
    status: one(run.status),
    stepsDone: run.stepsDone,
    stepsTotal: run.stepsTotal,
    updatedAt: run.updatedAt,
  };
}

/** Whether two summaries show the same thing: a write that changes nothing the table shows is not a change. */
export function sameSummary(a: RunSummary, b: RunSummary): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.unitSerial === b.unitSerial &&
    a.procedureVersionId === b.procedureVersionId &&
    a.batchId === b.batchId &&
    a.status === b.status &&
    a.stepsDone === b.stepsDone &&
    a.stepsTotal === b.stepsTotal &&
    a.updatedAt === b.updatedAt
  );
}

/** What a search looks in: run id, title and unit serial, lower-cased, one per line. */
export function searchTextOf(run: RunSummary): string {
  return `${run.id}\n${run.title}\n${run.unitSerial}`.toLowerCase();
}
