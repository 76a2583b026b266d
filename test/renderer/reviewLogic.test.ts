import { describe, expect, it } from 'vitest';
import type { Batch } from '../../shared/schemas/batch';
import type { Review } from '../../shared/schemas/review';
import type { SyncStatus } from '../../shared/sync/messages';
import type { BatchSummary } from '../../renderer/src/review/batchSummaries';
import { orderBatches } from '../../renderer/src/review/batchSummaries';
import { freshnessOf } from '../../renderer/src/review/freshness';
import { hourlyProgress } from '../../renderer/src/review/progressBuckets';
import { reviewReasons } from '../../renderer/src/review/reviewReasons';

const done = (signedAt: string) => ({ state: 'complete' as const, completion: { signatureId: 's', signerName: 'Ana', signedAt } });

describe('steps completed per hour', () => {
  it('counts each complete step in the hour of its signature, listing only hours with work', () => {
    const p = hourlyProgress([
      done('2026-03-02T08:05:00Z'),
      done('2026-03-02T08:59:59Z'),
      done('2026-03-02T10:00:00Z'),
      { state: 'todo', completion: null },
      // Reopened: its old completion does not count.
      { state: 'in_progress', completion: { signatureId: 's', signerName: 'Ana', signedAt: '2026-03-02T09:10:00Z' } },
    ]);
    expect(p.hours.map((h) => new Date(h * 1000).toISOString())).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-02T10:00:00.000Z']);
    expect(p.completed).toEqual([2, 1]);
    expect(p.cumulative).toEqual([2, 3]);
  });

  it('is empty with nothing complete, and orders hours months apart without filling between them', () => {
    expect(hourlyProgress([{ state: 'todo', completion: null }])).toEqual({ hours: [], completed: [], cumulative: [] });
    const long = hourlyProgress([done('2026-03-01T00:30:00Z'), done('2026-01-01T00:30:00Z'), done('2026-01-01T00:10:00Z')]);
    expect(long.hours.map((h) => new Date(h * 1000).toISOString())).toEqual(['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    expect(long.completed).toEqual([2, 1]);
    expect(long.cumulative).toEqual([2, 3]);
  });
});

describe('how fresh the supervisor screens are', () => {
  const status = (over: Partial<SyncStatus>): SyncStatus => ({ online: true, phase: 'idle', waiting: 0, lastSyncAt: '2026-03-02T08:00:00Z', lastError: null, retryAt: null, ...over });

  it('is up to date only online, synced, with nothing waiting and no error', () => {
    expect(freshnessOf({ syncs: true, status: status({}), lastSyncAt: null, waiting: 0 })).toEqual({ kind: 'current' });
    expect(freshnessOf({ syncs: true, status: status({}), lastSyncAt: null, waiting: 2 })).toEqual({ kind: 'asOf', at: '2026-03-02T08:00:00Z', offline: false });
    expect(freshnessOf({ syncs: true, status: status({ online: false }), lastSyncAt: null, waiting: 0 })).toEqual({ kind: 'asOf', at: '2026-03-02T08:00:00Z', offline: true });
    expect(freshnessOf({ syncs: true, status: status({ lastError: { code: 'x', message: 'down', permanent: false } }), lastSyncAt: null, waiting: 0 }).kind).toBe('asOf');
  });

  it('falls back to the cached last sync time before the sync worker speaks, and says a demo plant does not sync', () => {
    expect(freshnessOf({ syncs: true, status: null, lastSyncAt: '2026-03-01T17:00:00Z', waiting: 0 })).toEqual({ kind: 'asOf', at: '2026-03-01T17:00:00Z', offline: true });
    expect(freshnessOf({ syncs: false, status: null, lastSyncAt: null, waiting: 0 })).toEqual({ kind: 'demo' });
  });
});

describe('the batches list order', () => {
  const summary = (id: string, needing: number, doneSteps: number, updatedAt: string): BatchSummary => ({
    batch: { id, title: null, memberRunIds: [], createdBy: 'u', createdAt: updatedAt, updatedAt } satisfies Batch,
    runs: 3,
    done: doneSteps,
    total: 10,
    needing,
    byKind: { failed: 0, hold: needing, redline: 0, excluded: 0, review: 0 },
  });

  it('puts those needing someone first, then unfinished, then the latest', () => {
    const ordered = orderBatches([
      summary('B-done', 0, 10, '2026-03-03T00:00:00Z'),
      summary('B-old', 0, 2, '2026-03-01T00:00:00Z'),
      summary('B-new', 0, 2, '2026-03-02T00:00:00Z'),
      summary('B-one', 1, 2, '2026-02-01T00:00:00Z'),
      summary('B-two', 2, 2, '2026-02-01T00:00:00Z'),
    ]);
    expect(ordered.map((s) => s.batch.id)).toEqual(['B-two', 'B-one', 'B-new', 'B-old', 'B-done']);
  });
});

describe('the steps a supervisor must decide on', () => {
  const review = (id: string, runId: string, stepId: string | null, decided: boolean): Review => ({
    id,
    operationId: `op-${id}`,
    kind: 'stale_step',
    reason: `Reason ${id}`,
    runId,
    stepId,
    batchId: null,
    operation: { id: `op-${id}`, stationId: 'ST-A', actorId: 'u-ana', at: '2026-03-02T08:00:00Z', kind: 'start', runId, stepId: stepId ?? 'x', seen: { stepVersion: 0, batchId: null, batchMembers: [] } },
    serverSide: null,
    actorId: 'u-ana',
    actorName: 'Ana Ortiz',
    stationId: 'ST-A',
    at: '2026-03-02T08:00:00Z',
    resolution: decided ? { action: 'acceptServer', reason: 'ok', byId: 'u-chen', byName: 'Chen Wei', at: '2026-03-02T09:00:00Z', operationId: 'op-r' } : null,
    version: decided ? 2 : 1,
  });

  it('are the open items naming a step of the batch’s runs', () => {
    const reasons = reviewReasons(
      [review('1', 'R-1', 'R-1/a', false), review('2', 'R-1', 'R-1/b', true), review('3', 'R-9', 'R-9/a', false), review('4', 'R-2', null, false)],
      new Set(['R-1', 'R-2']),
    );
    expect([...reasons]).toEqual([['R-1/a', 'Reason 1']]);
  });
});
