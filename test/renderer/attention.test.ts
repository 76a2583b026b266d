import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../shared/schemas/outcome';
import { verdictOf } from '../../renderer/src/attention/describe';
import { dismissAttention, needsAttention, openAttention } from '../../renderer/src/store/attention';
import type { OutcomeRow } from '../../renderer/src/store/db';
import { enqueue } from '../../renderer/src/store/enqueue';
import { openStationDb } from '../../renderer/src/store/open';
import { seedCache } from '../../renderer/src/store/seed';
import { applyServerPage } from '../../renderer/src/store/serverPage';
import { Plant } from '../shared/fixtures';
import { upgradedFrom } from './stationCache';

async function stationFor(plant: Plant) {
  const db = await openStationDb('attention-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await seedCache(db, [
    ...[...plant.state.runs.values()].map((row) => ({ entity: 'run' as const, op: 'put' as const, row })),
    ...[...plant.state.steps.values()].map((row) => ({ entity: 'runStep' as const, op: 'put' as const, row })),
    ...[...plant.state.users.values()].map((row) => ({ entity: 'user' as const, op: 'put' as const, row })),
  ]);
  return db;
}

const row = (outcome: Outcome): OutcomeRow => ({ operationId: 'op', seq: 1, kind: 'signOff', outcome, feedSeq: null });

describe('outcomes that need a person’s attention', () => {
  it('are refusals, reviews, and exclusions a supervisor decides; not plain successes', () => {
    expect(needsAttention(row({ status: 'applied', note: null, propagatedTo: [] }))).toBe(false);
    expect(needsAttention(row({ status: 'rejected', code: 'permission_denied', reason: 'No' }))).toBe(true);
    expect(needsAttention(row({ status: 'needs_review', code: 'stale_step', reason: 'Changed', current: null }))).toBe(true);
    const excluded = (review: boolean): Outcome => ({ status: 'applied_with_exclusions', note: null, propagatedTo: [], excluded: [{ runId: 'R-2', stepId: null, reason: 'Left the batch', review }] });
    expect(needsAttention(row(excluded(false)))).toBe(false);
    expect(needsAttention(row(excluded(true)))).toBe(true);
  });

  it('read with the server’s side for a review', () => {
    const verdict = verdictOf(row({ status: 'needs_review', code: 'stale_step', reason: 'It changed after you saw it', current: { state: 'complete', version: 3, by: 'Ana Ortiz' } }));
    expect(verdict).toEqual({ title: 'Not applied: a supervisor reviews it', lines: ['It changed after you saw it', 'Server’s side: Complete by Ana Ortiz (version 3)'] });
  });

  it('keep the operation when it leaves the outbox, and a dismissal survives the outcome arriving again', async () => {
    const plant = new Plant();
    const db = await stationFor(plant);
    const op = plant.stepOp('start', 'R-1', 'inspect', {});
    await enqueue(db, op);
    const page = { changes: [], outcomes: [{ operationId: op.id, outcome: { status: 'rejected' as const, code: 'permission_denied' as const, reason: 'No' }, feedSeq: null }], cursor: 0 };
    await applyServerPage(db, page);
    expect(await db.outbox.count()).toBe(0);
    const [open] = await openAttention(db);
    expect(open?.op).toEqual(op);

    await dismissAttention(db, [op.id], '2026-01-01T00:00:00.000Z');
    expect(await openAttention(db)).toEqual([]);
    await applyServerPage(db, page);
    expect(await openAttention(db)).toEqual([]);
    expect(await db.outcomes.get(op.id)).toMatchObject({ op, dismissedAt: '2026-01-01T00:00:00.000Z', outcome: { status: 'rejected' } });
  });

  it('are found by their index after a version 3 cache is upgraded, dismissed ones and successes left out', async () => {
    const refused: Outcome = { status: 'rejected', code: 'permission_denied', reason: 'No' };
    const db = await upgradedFrom(3, (old) =>
      old.table('outcomes').bulkPut([
        { ...row(refused), operationId: 'open', seq: 1 },
        { ...row(refused), operationId: 'closed', seq: 2, dismissedAt: '2026-01-01T00:00:00.000Z' },
        { ...row({ status: 'applied', note: null, propagatedTo: [] }), operationId: 'fine', seq: 3 },
      ]),
    );
    expect((await openAttention(db)).map((r) => r.operationId)).toEqual(['open']);
    expect(await db.outcomes.count()).toBe(3);
    await dismissAttention(db, ['open']);
    expect(await openAttention(db)).toEqual([]);
    expect(await db.outcomes.where('attention').equals(1).count()).toBe(0);
  });
});
