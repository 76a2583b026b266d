import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, migrate, openDatabase } from '../../server/storage/database';
import { migrations } from '../../server/storage/migrations';
import { Store } from '../../server/storage/store';
import { PullResponse } from '../../shared/protocol/sync';
import { Review } from '../../shared/schemas/review';
import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import { Plant, users } from '../shared/fixtures';
import { tempDirsPerTest } from './harness';

const newDir = tempDirsPerTest();

/** A plant database as a server before review rows left it: schema version 1, filled by the engine. */
function version1Database(): { dir: string; stale: Operation; leftOut: Operation } {
  const plant = new Plant();
  plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
  plant.must(plant.stepOp('start', 'R-2', 'inspect', {}));
  const stale = plant.stepOp('fail', 'R-2', 'inspect', { reason: 'Cracked' }, 'tech2');
  plant.must(plant.stepOp('signOff', 'R-2', 'inspect', { meaning: 'performed', fieldValues: {} }));
  const staleOutcome = plant.apply(stale).outcome;
  const leftOut = plant.stepOp('start', 'R-1', 'connector', {});
  plant.must(plant.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  const leftOutOutcome = plant.apply(leftOut).outcome;

  const dir = newDir();
  const db = new Database(join(dir, databaseFileName));
  migrate(db, 'v1', migrations.slice(0, 1));
  const user = db.prepare('INSERT INTO users (id, name, role, active, badge_id, pin_hash, created_at) VALUES (?, ?, ?, 1, ?, ?, ?)');
  for (const u of Object.values(users)) user.run(u.id, u.name, u.role, `badge-${u.id}`, 'x', plant.now());
  const step = db.prepare('INSERT INTO run_steps (id, run_id, position, body) VALUES (?, ?, ?, ?)');
  for (const s of plant.state.steps.values()) step.run(s.id, s.runId, s.position, JSON.stringify(s));
  const operation = db.prepare(`INSERT INTO operations (id, station_id, station_seq, kind, actor_id, body, status, outcome, needs_review, feed_seq, received_at)
    VALUES (?, 'ST-1', ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const record = (op: Operation, outcome: Outcome, seq: number) =>
    operation.run(op.id, seq, op.kind, op.actorId, JSON.stringify(op), outcome.status, JSON.stringify(outcome), seq, plant.now());
  record(stale, staleOutcome, 1);
  record(leftOut, leftOutOutcome, 2);
  db.prepare("INSERT INTO review_resolutions (operation_id, resolved_by, note, resolved_at) VALUES (?, 'u-sup', 'Left as it is', ?)").run(stale.id, plant.now());
  db.close();
  return { dir, stale, leftOut };
}

describe('migration 2: review rows back-filled from an older plant database', () => {
  it('raises one valid row per decision, keeps a note-only resolution as acceptServer, and feeds every row', () => {
    const { dir, stale, leftOut } = version1Database();
    const store = new Store(openDatabase(dir));
    try {
      const items = store.review.items(true);
      expect(items.map((i) => Review.parse(i.review)).map((r) => [r.id, r.kind, r.stepId, r.resolution?.action ?? null])).toEqual([
        [`${stale.id}~R-2`, 'stale_step', 'R-2/inspect', 'acceptServer'],
        [`${leftOut.id}~R-3`, 'left_out', 'R-3/connector', null],
      ]);
      expect(items[0]?.review).toMatchObject({
        actorName: 'Ben Okafor',
        serverSide: { state: 'complete', by: 'Ana Ortiz' },
        resolution: { reason: 'Left as it is', byName: 'Chen Wei', operationId: `legacy-resolution:${stale.id}` },
        version: 2,
      });
      expect(store.review.items(false).map((i) => i.review.id)).toEqual([`${leftOut.id}~R-3`]);
      const fed = PullResponse.parse(JSON.parse(store.feed.pageJson(0, 100, 'ST-1'))).changes.filter((c) => c.entity === 'review');
      expect(fed).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});
