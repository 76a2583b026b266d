import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunStatus } from '../../shared/schemas/run';
import { RunIndex } from '../../renderer/src/store/runIndex';
import type { RunQuery, RunSortColumn } from '../../renderer/src/store/runQuery';
import type { RunSummary } from '../../renderer/src/store/runSummary';

const base: RunQuery = { sort: 'updated', descending: true, statuses: [], procedureVersionIds: [], batch: 'any', search: '' };
const sorts: RunSortColumn[] = ['id', 'title', 'procedure', 'unit', 'status', 'batch', 'updated'];
const statuses: RunStatus[] = ['todo', 'in_progress', 'hold', 'complete', 'failed'];

const summary = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((n) => `R-${String(n)}`),
  title: fc.constantFrom('Harness A', 'harness b', 'Pump 10', 'Pump 9'),
  unitSerial: fc.constantFrom('SN-1', 'SN-20', 'sn-3'),
  procedureVersionId: fc.constantFrom('P-A@1', 'P-B@2'),
  batchId: fc.constantFrom(null, 'B-101', 'B-102'),
  status: fc.constantFrom(...statuses),
  stepsDone: fc.integer({ min: 0, max: 3 }),
  stepsTotal: fc.constant(3),
  updatedAt: fc.integer({ min: 0, max: 9 }).map((m) => `2026-01-01T00:0${String(m)}:00.000Z`),
});
const change = fc.oneof(
  fc.record({ put: fc.array(summary, { maxLength: 6 }), deleted: fc.constant<string[]>([]) }),
  fc.record({ put: fc.constant<RunSummary[]>([]), deleted: fc.array(fc.integer({ min: 1, max: 40 }).map((n) => `R-${String(n)}`), { maxLength: 3 }) }),
);
const query = fc.record({
  sort: fc.constantFrom(...sorts),
  descending: fc.boolean(),
  statuses: fc.subarray(statuses),
  procedureVersionIds: fc.subarray(['P-A@1', 'P-B@2']),
  batch: fc.constantFrom<RunQuery['batch']>('any', 'none', 'batched', 'batch:B-101'),
  search: fc.constantFrom('', 'pump', 'R-1', 'sn-2', ' HARNESS ', 'zzz'),
});

/** The final state of the runs after the changes, as a map by id. */
function replay(initial: readonly RunSummary[], changes: readonly { put: readonly RunSummary[]; deleted: readonly string[] }[]): RunSummary[] {
  const runs = new Map(initial.map((r) => [r.id, r]));
  for (const c of changes) {
    for (const r of c.put) runs.set(r.id, r);
    for (const id of c.deleted) runs.delete(id);
  }
  return [...runs.values()];
}

describe('the runs index in memory', () => {
  it('answers every query after any changes exactly as an index built afresh from the same runs', () => {
    fc.assert(
      fc.property(fc.array(summary, { maxLength: 30 }), fc.array(change, { maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 4 }), (initial, changes, queries) => {
        const kept = new RunIndex();
        // Some orders are kept from the start, so the first runs are merged into them.
        kept.keepOrder('updated');
        kept.keepOrder('id');
        kept.apply(initial);
        // Every order and the search text exist before the changes, so they are kept, not rebuilt;
        // and the unfiltered answers are held, so a stale one would show.
        for (const sort of sorts) {
          kept.query({ ...base, sort, search: 'r' });
          for (const descending of [true, false]) kept.query({ ...base, sort, descending });
        }
        for (const c of changes) kept.apply(c.put, c.deleted);
        const fresh = new RunIndex();
        fresh.apply(replay(initial, changes));
        expect(kept.size).toBe(fresh.size);
        for (const q of queries) expect(kept.query(q)).toEqual(fresh.query(q));
      }),
      { numRuns: 300 },
    );
  });

  it('orders by update time with ties broken by id, newest first when descending', () => {
    const index = new RunIndex();
    const run = (id: string, updatedAt: string): RunSummary => ({ id, title: id, unitSerial: id, procedureVersionId: 'P', batchId: null, status: 'todo', stepsDone: 0, stepsTotal: 1, updatedAt });
    index.apply([run('R-2', '2026-01-02'), run('R-1', '2026-01-02'), run('R-3', '2026-01-01')]);
    expect(index.query(base)).toEqual(['R-2', 'R-1', 'R-3']);
    index.apply([run('R-3', '2026-01-03')]);
    expect(index.query(base)).toEqual(['R-3', 'R-2', 'R-1']);
    expect(index.query({ ...base, sort: 'id', descending: false })).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('sorts again when many known runs change at once, and merges many new runs into its orders', () => {
    const index = new RunIndex();
    index.keepOrder('updated');
    const run = (n: number, minute: number): RunSummary => ({
      id: `R-${String(n)}`, title: 'T', unitSerial: 'S', procedureVersionId: 'P', batchId: null, status: 'todo', stepsDone: 0, stepsTotal: 1,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString(),
    });
    const first = Array.from({ length: 3000 }, (_, n) => run(n, n));
    index.apply(first.slice(0, 1500));
    index.apply(first.slice(1500));
    expect(index.query({ ...base, descending: false })).toEqual(first.map((r) => r.id));
    index.apply(first.map((r, n) => ({ ...run(n, 10_000 - n), title: r.title })));
    expect(index.query(base)).toEqual(first.map((r) => r.id));
  });

  it('hands out the same unfiltered answer until a change shows, then a new one', () => {
    const index = new RunIndex();
    const row: RunSummary = { id: 'R-1', title: 'A', unitSerial: 'S', procedureVersionId: 'P', batchId: null, status: 'todo', stepsDone: 0, stepsTotal: 2, updatedAt: '2026-01-01' };
    index.apply([row, { ...row, id: 'R-2', updatedAt: '2026-01-02' }]);
    const all = index.query(base);
    expect(all).toEqual(['R-2', 'R-1']);
    expect(index.query({ ...base, search: 'r-1' })).toEqual(['R-1']);
    expect(index.query(base)).toBe(all);
    expect(index.query({ ...base, descending: false })).toEqual(['R-1', 'R-2']);
    index.apply([{ ...row, updatedAt: '2026-01-03' }]);
    expect(index.query(base)).toEqual(['R-1', 'R-2']);
    expect(all).toEqual(['R-2', 'R-1']);
  });

  it('tells its subscribers only of writes that change what the table shows', () => {
    const index = new RunIndex();
    const row: RunSummary = { id: 'R-1', title: 'A', unitSerial: 'S', procedureVersionId: 'P', batchId: null, status: 'todo', stepsDone: 0, stepsTotal: 2, updatedAt: '2026-01-01' };
    index.apply([row]);
    let told = 0;
    const off = index.subscribe(() => (told += 1));
    index.apply([{ ...row }]);
    expect(told).toBe(0);
    index.apply([{ ...row, stepsDone: 1 }]);
    expect(told).toBe(1);
    expect(index.get('R-1')?.stepsDone).toBe(1);
    index.apply([], ['R-404']);
    expect(told).toBe(1);
    off();
    index.apply([], ['R-1']);
    expect(told).toBe(1);
    expect(index.size).toBe(0);
  });
});
