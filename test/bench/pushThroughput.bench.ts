import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Store } from '../../server/storage/store';
import { tempDir } from '../server/harness';
import type { Row } from './measure';
import { defaultWorkload, median, stopAndClean, timedPush } from './pushDriver';

const { siblings, total: defaultTotal, chunk } = defaultWorkload;

/**
 * The reference: the same rows the server wrote for those operations (their audit entries, feed
 * entries, operation records and sequence numbers, and the step and run rows they rewrote),
 * written with plain prepared statements in one transaction per chunk, into a fresh database
 * with the same schema. What the server does beyond this is the engine and its reads.
 */
function rawWrite(benchDir: string, total: number): number {
  const source = new Database(join(benchDir, 'lockstep.sqlite'), { readonly: true });
  const audit = source.prepare<[], { id: string; operation_id: string; run_id: string | null; batch_id: string | null; body: string; received_at: string }>("SELECT * FROM audit WHERE operation_id LIKE 'bench-%' ORDER BY rowid").all();
  const feed = source.prepare<[number], { entity: string; entity_id: string; op: string; station_id: string | null; committed_at: string }>('SELECT entity, entity_id, op, station_id, committed_at FROM feed ORDER BY seq DESC LIMIT ?').all(audit.length * 3 + total);
  const operations = source.prepare<[], Record<string, unknown>>("SELECT * FROM operations WHERE id LIKE 'bench-%' ORDER BY rowid").all();
  const steps = source.prepare<[], { id: string; run_id: string; position: number; body: string }>("SELECT * FROM run_steps WHERE id LIKE 'T-%'").all();
  const runs = source.prepare<[], Record<string, unknown> & { body: string }>("SELECT * FROM runs WHERE id LIKE 'T-%'").all();
  source.close();

  const dir = tempDir('lockstep-raw-');
  const store = Store.open(dir);
  const db = store.db;
  const insertRun = db.prepare('INSERT INTO runs VALUES (@id, @procedure_id, @procedure_version_id, @batch_id, @status, @title, @unit_serial, @created_at, @updated_at, @body)');
  const insertStep = db.prepare('INSERT INTO run_steps VALUES (@id, @run_id, @position, @body)');
  db.transaction(() => {
    runs.forEach((r) => insertRun.run(r));
    steps.forEach((s) => insertStep.run(s));
  })();
  const updateStep = db.prepare<[string, string]>('UPDATE run_steps SET body = ? WHERE id = ?');
  const updateRun = db.prepare<[string, string, string]>('UPDATE runs SET body = ?, status = ? WHERE id = ?');
  const insertAudit = db.prepare('INSERT INTO audit VALUES (@id, @operation_id, @run_id, @batch_id, @body, @received_at)');
  const insertFeed = db.prepare('INSERT INTO feed (entity, entity_id, op, station_id, committed_at) VALUES (@entity, @entity_id, @op, @station_id, @committed_at)');
  const insertOperation = db.prepare('INSERT INTO operations VALUES (@id, @station_id, @station_seq, @kind, @actor_id, @body, @status, @outcome, @needs_review, @feed_seq, @received_at)');
  const insertSeq = db.prepare<[string, number, string]>('INSERT INTO station_sequence VALUES (?, ?, ?)');
  const stepBody = steps[0]?.body ?? '{}';
  const runBody = runs[0]?.body ?? '{}';
  const perOp = Math.round(audit.length / total);
  const started = performance.now();
  for (let i = 0; i < total; i += chunk) {
    db.transaction(() => {
      for (let k = i; k < Math.min(total, i + chunk); k++) {
        for (let j = 0; j < perOp; j++) {
          const entry = audit[k * perOp + j];
          if (!entry) continue;
          insertAudit.run(entry);
          if (entry.run_id) {
            updateStep.run(stepBody, `${entry.run_id}/inspect`);
            updateRun.run(runBody, 'hold', entry.run_id);
          }
        }
        for (let j = 0; j < perOp * 3 + 1; j++) {
          const row = feed[(k * (perOp * 3 + 1) + j) % feed.length];
          if (row) insertFeed.run(row);
        }
        const op = operations[k];
        if (op) {
          insertOperation.run(op);
          insertSeq.run(String(op['station_id']), Number(op['station_seq']), String(op['id']));
        }
      }
    })();
  }
  const seconds = (performance.now() - started) / 1000;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

export async function pushThroughput(total = defaultTotal, repeats = 3): Promise<Row> {
  const server: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const run = await timedPush({ ...defaultWorkload, total });
    await stopAndClean(run, true);
    server.push(total / run.seconds);
    raw.push(total / rawWrite(run.dataDir, total));
    rmSync(run.dataDir, { recursive: true, force: true });
  }
  const sorted = [...server].sort((a, b) => a - b);
  const opsPerSecond = median(server);
  const rawPerSecond = median(raw);
  const ratio = rawPerSecond / opsPerSecond;
  return {
    figure: `Server push, each operation propagating to ${String(siblings)} siblings`,
    unit: 'ops/s',
    median: opsPerSecond,
    spread: [sorted[0] ?? Number.NaN, sorted[sorted.length - 1] ?? Number.NaN],
    repeats,
    target: '≥ 5,000 ops/s; ≤ 2× raw SQLite',
    met: opsPerSecond >= 5000 && ratio <= 2,
    reference: { figure: 'raw SQLite writes of the same rows', median: rawPerSecond, ratio },
  };
}
