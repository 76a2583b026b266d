import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BackgroundCheckpoint } from '../../server/storage/backgroundCheckpoint';
import { Store } from '../../server/storage/store';
import { tempDir } from '../server/harness';
import type { Row } from './measure';
import { defaultWorkload, median, stopAndClean, timedPush } from './pushDriver';

const { siblings, total: defaultTotal, chunk } = defaultWorkload;


/**
 * The reference: the rows the server wrote for those operations, written again with plain
 * prepared statements, one transaction per push chunk, into a fresh database with the same schema
 * and the same starting runs and steps. Per operation: its audit entries, its feed entries (the
 * server's own, in order), its operation record, its sequence number and the station's next
 * number; per chunk: each run and step the chunk changed, once, with the columns the server sets
 * (the server writes those rows once per push too), with its checkpoints on another thread as the
 * server's are. What the server does beyond this is HTTP,
 * validation, the engine and its reads. Returns the time and the CPU time (this process's, user +
 * system) of the timed writes alone: reading the server's rows and seeding the copy are not counted.
 */
async function rawWrite(benchDir: string, total: number): Promise<{ seconds: number; cpuMicros: number }> {
  const source = new Database(join(benchDir, 'lockstep.sqlite'), { readonly: true });
  const operations = source.prepare<[], Record<string, unknown> & { id: string; station_id: string; station_seq: number; feed_seq: number }>("SELECT * FROM operations WHERE id LIKE 'bench-%' ORDER BY feed_seq").all();
  const before = source.prepare<[], { seq: number | null }>("SELECT MAX(feed_seq) AS seq FROM operations WHERE id NOT LIKE 'bench-%'").get()?.seq ?? 0;
  const feed = source.prepare<[number], { seq: number; entity: string; entity_id: string; op: string; station_id: string | null; committed_at: string }>('SELECT * FROM feed WHERE seq > ? ORDER BY seq').all(before);
  const auditOf = new Map<string, Record<string, unknown>[]>();
  for (const entry of source.prepare<[], Record<string, unknown> & { operation_id: string }>("SELECT * FROM audit WHERE operation_id LIKE 'bench-%' ORDER BY rowid").all()) {
    auditOf.set(entry.operation_id, [...(auditOf.get(entry.operation_id) ?? []), entry]);
  }
  const steps = new Map(source.prepare<[], { id: string; run_id: string; position: number; body: string }>("SELECT * FROM run_steps WHERE id LIKE 'T-%'").all().map((r) => [r.id, r]));
  const runs = new Map(source.prepare<[], Record<string, unknown> & { id: string; body: string; batch_id: string | null; status: string; updated_at: string }>("SELECT * FROM runs WHERE id LIKE 'T-%'").all().map((r) => [r.id, r]));
  const stations = source.prepare<[], Record<string, unknown>>('SELECT * FROM stations').all();
  source.close();
  if (operations.length !== total) throw new Error(`expected ${String(total)} bench operations, found ${String(operations.length)}`);

  const dir = tempDir('lockstep-raw-');
  const store = Store.open(dir);
  const db = store.db;
  const insertRun = db.prepare('INSERT INTO runs VALUES (@id, @procedure_id, @procedure_version_id, @batch_id, @status, @title, @unit_serial, @created_at, @updated_at, @body)');
  const insertStep = db.prepare('INSERT INTO run_steps VALUES (@id, @run_id, @position, @body)');
  const insertStation = db.prepare('INSERT INTO stations VALUES (@id, @name, @token_hash, @token_expires_at, @enrolled_at, @next_seq)');
  db.transaction(() => {
    runs.forEach((r) => insertRun.run(r));
    steps.forEach((s) => insertStep.run(s));
    stations.forEach((s) => insertStation.run(s));
  })();
  const updateStep = db.prepare<[string, string]>('UPDATE run_steps SET body = ? WHERE id = ?');
  const updateRun = db.prepare<[string | null, string, string, string, string]>('UPDATE runs SET batch_id = ?, status = ?, updated_at = ?, body = ? WHERE id = ?');
  const insertAudit = db.prepare('INSERT INTO audit VALUES (@id, @operation_id, @run_id, @batch_id, @body, @received_at)');
  const insertFeed = db.prepare('INSERT INTO feed (entity, entity_id, op, station_id, committed_at) VALUES (@entity, @entity_id, @op, @station_id, @committed_at)');
  const insertOperation = db.prepare('INSERT INTO operations VALUES (@id, @station_id, @station_seq, @kind, @actor_id, @body, @status, @outcome, @needs_review, @feed_seq, @received_at)');
  const insertSeq = db.prepare<[string, number, string]>('INSERT INTO station_sequence VALUES (?, ?, ?)');
  const advance = db.prepare<[number, string]>('UPDATE stations SET next_seq = ? WHERE id = ?');
  // As the server does: the WAL is copied into the database file on another thread, not in commits.
  const checkpoint = new BackgroundCheckpoint(db);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let f = 0;
  for (let i = 0; i < total; i += chunk) {
    db.transaction(() => {
      const touchedRuns = new Set<string>();
      const touchedSteps = new Set<string>();
      for (const op of operations.slice(i, i + chunk)) {
        for (const entry of auditOf.get(op.id) ?? []) insertAudit.run(entry);
        for (; f < feed.length && (feed[f]?.seq ?? Infinity) <= op.feed_seq; f++) {
          const row = feed[f];
          if (!row) continue;
          insertFeed.run(row);
          if (row.entity === 'run') touchedRuns.add(row.entity_id);
          if (row.entity === 'runStep') touchedSteps.add(row.entity_id);
        }
        insertOperation.run(op);
        insertSeq.run(op.station_id, op.station_seq, op.id);
        advance.run(op.station_seq + 1, op.station_id);
      }
      for (const id of touchedRuns) {
        const r = runs.get(id);
        if (r) updateRun.run(r.batch_id, r.status, r.updated_at, r.body, id);
      }
      for (const id of touchedSteps) {
        const s = steps.get(id);
        if (s) updateStep.run(s.body, id);
      }
    })();
    checkpoint.request();
    // Between pushes the server's event loop turns; so here, or the checkpoint's answer would wait.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await checkpoint.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpuMicros: cpu.user + cpu.system };
}

const range = (xs: readonly number[]): [number, number] => {
  const sorted = [...xs].sort((a, b) => a - b);
  return [sorted[0] ?? Number.NaN, sorted[sorted.length - 1] ?? Number.NaN];
};

/**
 * Two rows: wall-clock operations/s against the raw writes' (the figure), and the CPU
 * time per operation of the server process against the raw writes' CPU time. The second barely
 * moves when other work shares the machine, so it shows the design's cost when the first is
 * mostly a measure of how busy the cores were.
 */
export async function pushThroughput(total = defaultTotal, repeats = 3): Promise<Row[]> {
  const server: number[] = [];
  const raw: number[] = [];
  const serverCpu: number[] = [];
  const rawCpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const run = await timedPush({ ...defaultWorkload, total });
    await stopAndClean(run, true);
    server.push(total / run.seconds);
    serverCpu.push((run.serverCpuSeconds * 1e6) / total);
    const reference = await rawWrite(run.dataDir, total);
    raw.push(total / reference.seconds);
    rawCpu.push(reference.cpuMicros / total);
    rmSync(run.dataDir, { recursive: true, force: true });
  }
  const opsPerSecond = median(server);
  const ratio = median(raw) / opsPerSecond;
  const cpuPerOp = median(serverCpu);
  const cpuRatio = cpuPerOp / median(rawCpu);
  return [
    {
      figure: `Server push, each operation propagating to ${String(siblings)} siblings`,
      unit: 'ops/s',
      median: opsPerSecond,
      spread: range(server),
      repeats,
      target: '≥ 5,000 ops/s; ≤ 2× raw SQLite',
      met: opsPerSecond >= 5000 && ratio <= 2,
      reference: { figure: 'raw SQLite writes of the same rows', median: median(raw), ratio },
    },
    {
      figure: 'Server push, CPU time of the server process per operation',
      unit: 'µs/op',
      median: cpuPerOp,
      spread: range(serverCpu),
      repeats,
      // Not a target of its own: all threads count (V8's GC helpers, I/O), so it is no single-core bound.
      target: 'none: the cost when wall time is noisy',
      met: null,
      reference: { figure: 'CPU time of the raw writes', median: median(rawCpu), ratio: cpuRatio },
    },
  ];
}
