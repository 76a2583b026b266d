import Dexie from 'dexie';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import { indexGetAll } from './indexGetAll';
import { rangeCount, rangeGetAll } from './rangeGetAll';

/** Below this many runs one request per run is as cheap as counting the range first. */
const fewRuns = 8;

/** How many runs not asked for a range may hold and still be read whole. */
const slackFor = (wanted: number) => Math.max(8, Math.ceil(wanted / 4));

export interface RunsAndSteps {
  /** One per id asked for, in the same order; undefined for a run the cache does not hold. */
  runs: (Run | undefined)[];
  /** The stored steps of each run asked for, in the same order (in id order, as the index gives them). */
  steps: RunStep[][];
}

/**
 * The runs with these ids and their stored steps. Many runs whose ids sit close together in key
 * order (a batch's runs, usually created together) are read with one getAll over the runs' id
 * range and one over the steps' runId index: two requests instead of two per run. In Chromium,
 * IndexedDB's cost here is mostly per request: a 100-run batch's runs and steps took ~16 ms one
 * run at a time and ~9 ms as two ranges. The range is counted first, and holding more than a few
 * runs not asked for, it is read one run at a time instead: unrelated runs that interleave in key
 * order are never read in bulk.
 *
 * Call inside the transaction that reads for a write (over runs and runSteps), so the count and
 * the reads see the same rows; outside one the answer is still right, as rows are kept by id.
 */
export function readRunsAndSteps(db: StationDb, runIds: readonly string[]): Promise<RunsAndSteps> {
  // Written as Dexie promise chains, not async functions: a caller in the same transaction may
  // read more after this resolves, and only Dexie's promises carry the transaction's zone there.
  const range = rangeOf(runIds);
  if (!range) return oneByOne(db, runIds);
  return rangeCount(db, 'runs', range.lo, range.hi).then((inRange) => {
    const dense = inRange <= range.wanted.size + slackFor(range.wanted.size);
    return dense ? inOneRange(db, runIds, range) : oneByOne(db, runIds);
  });
}

interface RunRange {
  wanted: ReadonlySet<string>;
  lo: string;
  hi: string;
}

/** The key range of enough runs to read as one range; null for a few (read one by one). */
function rangeOf(runIds: readonly string[]): RunRange | null {
  const wanted = new Set(runIds);
  // IndexedDB orders string keys by UTF-16 code unit, as the default sort does.
  const sorted = [...wanted].sort();
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (lo === undefined || hi === undefined || sorted.length < fewRuns) return null;
  return { wanted, lo, hi };
}

function inOneRange(db: StationDb, runIds: readonly string[], { wanted, lo, hi }: RunRange): Promise<RunsAndSteps> {
  return Dexie.Promise.all([rangeGetAll<Run>(db, 'runs', null, lo, hi), rangeGetAll<RunStep>(db, 'runSteps', 'runId', lo, hi)]).then(([runRows, stepRows]) => {
    const runById = new Map(runRows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r] as const));
    const stepsByRun = new Map<string, RunStep[]>();
    for (const step of stepRows) {
      if (!wanted.has(step.runId)) continue;
      const list = stepsByRun.get(step.runId);
      if (list) list.push(step);
      else stepsByRun.set(step.runId, [step]);
    }
    const steps = runIds.map((id) => stepsByRun.get(id) ?? []);
    // The native read sees rows only: a run kept in a page (runPages.ts) is read through Dexie.
    const inPages = runIds.filter((id) => !runById.has(id));
    if (inPages.length === 0) return { runs: runIds.map((id) => runById.get(id)), steps };
    return db.runs.bulkGet(inPages).then((found) => {
      inPages.forEach((id, i) => {
        const run = found[i];
        if (run) runById.set(id, run);
      });
      return { runs: runIds.map((id) => runById.get(id)), steps };
    });
  });
}

function oneByOne(db: StationDb, runIds: readonly string[]): Promise<RunsAndSteps> {
  return Dexie.Promise.all([db.runs.bulkGet([...runIds]), indexGetAll<RunStep>(db, 'runSteps', 'runId', runIds)]).then(([runs, steps]) => ({ runs, steps }));
}
