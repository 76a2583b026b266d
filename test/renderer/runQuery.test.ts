import { describe, expect, it } from 'vitest';
import { RunLabels } from '../../renderer/src/store/runLabels';
import { matchingRunIds, type RunQuery } from '../../renderer/src/store/runQuery';
import { demoStation } from './stationCache';

const base: RunQuery = { sort: 'id', descending: false, statuses: [], procedureVersionIds: [], batch: 'any', search: '' };

describe('the runs table query', () => {
  it('orders every run by id, as people count them, either way', async () => {
    const db = await demoStation();
    const ids = await matchingRunIds(db, base, new RunLabels());
    expect(ids).toHaveLength(await db.runs.count());
    expect(ids.slice(0, 3)).toEqual(['R-1001', 'R-1002', 'R-1003']);
    expect((await matchingRunIds(db, { ...base, descending: true }, new RunLabels()))[0]).toBe(ids[ids.length - 1]);
  });

  it('filters by status, procedure and batch, from the indexes', async () => {
    const db = await demoStation();
    const labels = new RunLabels();
    const held = await matchingRunIds(db, { ...base, statuses: ['hold'] }, labels);
    const rows = await db.runs.bulkGet(held);
    expect(held.length).toBeGreaterThan(0);
    expect(rows.every((r) => r?.status === 'hold')).toBe(true);

    const line2 = await matchingRunIds(db, { ...base, batch: 'batch:B-101' }, labels);
    expect(line2).toEqual(['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010']);
    const none = await matchingRunIds(db, { ...base, batch: 'none' }, labels);
    const batched = await matchingRunIds(db, { ...base, batch: 'batched' }, labels);
    expect(none.length + batched.length).toBe(await db.runs.count());
    expect(none).not.toContain('R-1005');

    const pumps = await matchingRunIds(db, { ...base, procedureVersionIds: ['P-PM10@1'], batch: 'batched' }, labels);
    expect(pumps).toEqual(['R-1015', 'R-1016', 'R-1017']);
  });

  it('searches run id, title and unit serial, ignoring case', async () => {
    const db = await demoStation();
    const labels = new RunLabels();
    expect(await matchingRunIds(db, { ...base, search: 'r-1018' }, labels)).toEqual(['R-1018']);
    expect(await matchingRunIds(db, { ...base, search: 'ORDER 55100' }, labels)).toEqual(['R-1001', 'R-1002', 'R-1003', 'R-1004', 'R-1005']);
    expect(await matchingRunIds(db, { ...base, search: 'cb220-26-00017' }, labels)).toHaveLength(1);
  });

  it('sorts by title, status (what needs attention first), batch and update time', async () => {
    const db = await demoStation();
    const labels = new RunLabels();
    const byTitle = await matchingRunIds(db, { ...base, sort: 'title' }, labels);
    const titles = (await db.runs.bulkGet(byTitle)).map((r) => r?.title ?? '');
    expect(titles[0]?.startsWith('CB-220')).toBe(true);
    expect(titles[titles.length - 1]?.startsWith('PM-10')).toBe(true);

    const byStatus = await db.runs.bulkGet(await matchingRunIds(db, { ...base, sort: 'status' }, labels));
    expect(byStatus[0]?.status).toBe('failed');

    const byBatch = await matchingRunIds(db, { ...base, sort: 'batch' }, labels);
    expect(byBatch.slice(0, 6)).toEqual(['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010']);
    expect((await db.runs.get(byBatch[byBatch.length - 1] ?? ''))?.batchId).toBeNull();

    const byUpdate = await db.runs.bulkGet(await matchingRunIds(db, { ...base, sort: 'updated', descending: true }, labels));
    const times = byUpdate.map((r) => r?.updatedAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });
});
