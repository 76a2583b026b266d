import { applyOperation } from '../../../shared/engine/apply';
import { instantiateRun } from '../../../shared/engine/instantiate';
import { stateFrom } from '../../../shared/engine/state';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { CacheChange } from '../store/cacheChanges';
import type { StationDb } from '../store/db';
import { harnessV2 } from './procedures';
import { SeededRandom } from '../../../shared/util/seededRandom';
import { demoUsers } from './users';
import { pagesOf } from '../store/runPages';
import { newWriteToken, writeTokenKey } from '../store/writeToken';

/** Bulk runs are numbered from here, clear of the demo plant's R-1001…. */
const firstBulk = 200_001;
const chunk = 10_000;

/**
 * Adds harness runs until the cache holds `target` runs, for trying and benchmarking the runs
 * table at plant scale (`?seedRuns=100000`). A quarter get their first step signed through the
 * engine, so statuses and update times vary. Written in chunks, each its own transaction, with
 * progress reported as it goes; seeding again only adds what is missing.
 *
 * The rows go straight to IndexedDB, past Dexie: at this volume Dexie's change tracking for live
 * queries costs more than the writes, and nothing is watching yet while the station boots. These
 * are server-truth rows (no outbox, no shadows), as seedCache would write them; like the server's
 * feed, they leave out pristine steps (docs/sync.md, "Pristine steps"). The runs are kept in pages,
 * as a bootstrap keeps them (store/runPages.ts): their ids follow every run already stored.
 */
export async function seedBulkRuns(db: StationDb, target: number, onProgress: (done: number, total: number) => void): Promise<number> {
  const existing = await db.runs.count();
  const toAdd = Math.max(0, target - existing);
  const start = firstBulk + (await db.runs.where(':id').between(`R-${String(firstBulk)}`, 'R-\uffff').count());
  const random = new SeededRandom(target);
  const sup = demoUsers.find((u) => u.role === 'supervisor');
  const tech = demoUsers.find((u) => u.role === 'technician');
  if (!sup || !tech) throw new Error('bulk runs need the demo users');
  for (let done = 0; done < toAdd; done += chunk) {
    const rows: CacheChange[] = [];
    for (let i = done; i < Math.min(toAdd, done + chunk); i++) rows.push(...bulkRun(start + i, random, tech.id));
    await writeRaw(db, rows);
    onProgress(Math.min(toAdd, done + chunk), toAdd);
  }
  return toAdd;
}

function bulkRun(n: number, random: SeededRandom, techId: string): CacheChange[] {
  const at = new Date(Date.UTC(2025, 6, 1) + n * 61_000).toISOString();
  const { run, steps } = instantiateRun(harnessV2, {
    runId: `R-${String(n)}`,
    title: `MH-48 motor harness, kanban ${String(Math.floor(n / 25))}`,
    unitSerial: `MH48-BULK-${String(n)}`,
    at,
  });
  const rows = (r: Run, s: readonly RunStep[]): CacheChange[] => [
    { entity: 'run', op: 'put', row: r },
    ...s.map((row) => ({ entity: 'runStep' as const, op: 'put' as const, row })),
  ];
  // Pristine steps are not written: the station derives them from the run's procedure (store/runSteps.ts).
  if (random.next() >= 0.25) return rows(run, []);
  const user = demoUsers.find((u) => u.id === techId);
  const result = applyOperation(stateFrom({ runs: [run], steps, users: user ? [user] : [] }), {
    id: `bulk-${String(n)}`,
    kind: 'signOff',
    stationId: 'ST-SEED',
    actorId: techId,
    at: new Date(Date.parse(at) + 3_600_000).toISOString(),
    runId: run.id,
    stepId: steps[0]?.id ?? '',
    seen: { stepVersion: 0, batchId: null, batchMembers: [] },
    meaning: 'performed',
    fieldValues: { 'length-mm': 500 },
  });
  const changed = result.changes.filter((c) => c.entity !== 'run' && c.entity !== 'runStep');
  const stepRows = new Map<string, RunStep>();
  let runRow = run;
  for (const c of result.changes) {
    if (c.entity === 'runStep') stepRows.set(c.row.id, c.row);
    if (c.entity === 'run') runRow = c.row;
  }
  return [...rows(runRow, [...stepRows.values()]), ...changed];
}

const storeOf = { runStep: 'runSteps', signature: 'signatures', audit: 'audit' } as const;

function writeRaw(db: StationDb, rows: readonly CacheChange[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction([...Object.values(storeOf), 'runPages', 'meta'], 'readwrite', { durability: 'relaxed' });
    // Past Dexie, so past its write-token middleware: the token changes here instead (writeToken.ts).
    tx.objectStore('meta').put({ key: writeTokenKey, value: newWriteToken() });
    const runs: Run[] = [];
    for (const change of rows) {
      if (change.op !== 'put') continue;
      switch (change.entity) {
        case 'run':
          runs.push(change.row);
          break;
        case 'runStep':
        case 'signature':
        case 'audit':
          tx.objectStore(storeOf[change.entity]).put(change.row);
          break;
        case 'batch':
        case 'procedure':
        case 'user':
        case 'review':
          break;
        default:
          change satisfies never;
      }
    }
    for (const page of pagesOf(runs)) tx.objectStore('runPages').put(page);
    tx.oncomplete = () => {
      resolve();
    };
    tx.onerror = () => {
      reject(tx.error ?? new Error('bulk seed failed'));
    };
  });
}
