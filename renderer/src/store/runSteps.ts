import Dexie from 'dexie';
import { instantiateRun } from '../../../shared/engine/instantiate';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { StationDb } from './db';
import { indexGetAll } from './indexGetAll';
import { readRunsAndSteps } from './runRangeReads';

/**
 * A run's steps as the station knows them: the stored rows, and for every step id in
 * `run.stepIds` with no stored row, its pristine copy from the run's procedure. The server's
 * feed carries no entry for a step that never changed since its run was created (docs/sync.md,
 * "Pristine steps"), so every reader of steps goes through this module, never `db.runSteps`.
 *
 * Call inside a transaction that includes `runs`, `runSteps` and `procedures` when the answer
 * feeds a write: the steps are read in it, and a procedure not yet in memory too.
 */

/** Derived steps, by identity: an optimistic change to one must shadow "no row", not this copy. */
const derived = new WeakSet<RunStep>();

/** True for a step this module made from the procedure (the cache holds no row for it). */
export const isPristineCopy = (step: unknown): boolean => typeof step === 'object' && step !== null && derived.has(step as RunStep);

/** Procedure versions never change once released: each is read from the cache once per database. */
const procedureMemo = new WeakMap<StationDb, Map<string, ProcedureVersion>>();

/**
 * The procedure versions with these ids, from memory or else the cache. A Dexie promise, not an
 * async function: the callers read inside a write's transaction, and only Dexie's promises keep
 * its zone for the reads that follow.
 */
function proceduresOf(db: StationDb, ids: readonly string[]): Promise<Map<string, ProcedureVersion>> {
  let memo = procedureMemo.get(db);
  if (!memo) {
    memo = new Map();
    procedureMemo.set(db, memo);
  }
  const known = memo;
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  if (missing.length === 0) return Dexie.Promise.resolve(known);
  return db.procedures.bulkGet(missing).then((found) => {
    for (const procedure of found) if (procedure) known.set(procedure.id, procedure);
    return known;
  });
}

/** The pristine copies of the run's steps that `stored` lacks, in the run's order. */
function pristineMissing(run: Run, stored: readonly RunStep[], procedure: ProcedureVersion | undefined): RunStep[] {
  if (stored.length >= run.stepIds.length) return [];
  const have = new Set(stored.map((s) => s.id));
  if (run.stepIds.every((id) => have.has(id))) return [];
  // The feed sends a procedure before any run of it, so this is a damaged cache: say so rather
  // than show the run with steps missing.
  if (!procedure) throw new Error(`The cache holds run ${run.id} but not its procedure ${run.procedureVersionId}, so its steps cannot be read.`);
  // The run's own createdAt is the moment its steps were copied (shared/engine/instantiate.ts).
  const { steps } = instantiateRun(procedure, { runId: run.id, title: run.title, unitSerial: run.unitSerial, at: run.createdAt });
  const wanted = new Set(run.stepIds);
  return steps.filter((s) => wanted.has(s.id) && !have.has(s.id)).map((s) => {
    derived.add(s);
    return s;
  });
}

const byPosition = (a: RunStep, b: RunStep) => a.position - b.position;

/** The run's stored rows with its pristine copies filled in, in the run's order. */
const withPristine = (run: Run, rows: readonly RunStep[], procedure: ProcedureVersion | undefined): RunStep[] =>
  [...rows, ...pristineMissing(run, rows, procedure)].sort(byPosition);

/** Each run's steps (stored rows win over pristine copies), sorted by position; one list per run. */
export async function stepsOfRuns(db: StationDb, runs: readonly Run[]): Promise<RunStep[][]> {
  const [stored, procedures] = await Promise.all([
    indexGetAll<RunStep>(db, 'runSteps', 'runId', runs.map((r) => r.id)),
    proceduresOf(db, runs.map((r) => r.procedureVersionId)),
  ]);
  return runs.map((run, i) => withPristine(run, stored[i] ?? [], procedures.get(run.procedureVersionId)));
}

/**
 * The runs with these ids that the cache holds, and their steps, read together: a
 * batch's runs and stored steps in two range reads where its ids sit together (runRangeReads.ts).
 */
export function runsWithSteps(db: StationDb, runIds: readonly string[]): Promise<{ runs: Run[]; steps: RunStep[][] }> {
  return readRunsAndSteps(db, runIds).then(({ runs: found, steps: stored }) => {
    const runs: Run[] = [];
    const rowsOf: RunStep[][] = [];
    found.forEach((run, i) => {
      if (!run) return;
      runs.push(run);
      rowsOf.push(stored[i] ?? []);
    });
    return proceduresOf(db, runs.map((r) => r.procedureVersionId)).then((procedures) => {
      return { runs, steps: runs.map((run, i) => withPristine(run, rowsOf[i] ?? [], procedures.get(run.procedureVersionId))) };
    });
  });
}

/**
 * The run ids a step id may belong to: a step id is `${runId}/${originStepId}`, and either part
 * may itself hold a slash, so every split is a candidate (almost always exactly one).
 */
function candidateRunIds(stepId: string): string[] {
  const candidates: string[] = [];
  for (let i = stepId.indexOf('/'); i > 0; i = stepId.indexOf('/', i + 1)) candidates.push(stepId.slice(0, i));
  return candidates;
}

/** Steps by id, each the stored row or else its pristine copy; undefined for a step the cache does not know. */
export async function stepsById(db: StationDb, ids: readonly string[]): Promise<(RunStep | undefined)[]> {
  const stored = await db.runSteps.bulkGet([...ids]);
  const missing = ids.filter((_, i) => stored[i] === undefined);
  if (missing.length === 0) return stored;
  const runIds = [...new Set(missing.flatMap(candidateRunIds))];
  const runs = (await db.runs.bulkGet(runIds)).filter((r): r is Run => r !== undefined);
  const procedures = await proceduresOf(db, runs.map((r) => r.procedureVersionId));
  const pristine = new Map<string, RunStep>();
  for (const run of runs) {
    const mine = missing.filter((id) => id.startsWith(`${run.id}/`) && run.stepIds.includes(id));
    if (mine.length === 0) continue;
    // Only the missing ones are wanted: the stored rows of this run are not read, so none are excluded here.
    const copies = pristineMissing(run, [], procedures.get(run.procedureVersionId));
    for (const step of copies) if (mine.includes(step.id)) pristine.set(step.id, step);
  }
  return ids.map((id, i) => stored[i] ?? pristine.get(id));
}

/** One step by id: the stored row or its pristine copy. */
export async function stepById(db: StationDb, id: string): Promise<RunStep | undefined> {
  const [step] = await stepsById(db, [id]);
  return step;
}
