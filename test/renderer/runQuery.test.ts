import { describe, expect, it } from 'vitest';
import type { StationDb } from '../../renderer/src/store/db';
import { runIndexOf } from '../../renderer/src/store/runIndexLoader';
import type { RunQuery } from '../../renderer/src/store/runQuery';
import { demoStation } from './stationCache';

const base: RunQuery = { sort: 'id', descending: false, statuses: [], procedureVersionIds: [], batch: 'any', search: '' };

async function indexOf(db: StationDb) {
  const loaded = runIndexOf(db);
  loaded.load();
  await loaded.filled;
  return loaded.index;
}

describe('the runs table query, answered by the runs index', () => {
  it('orders every run by id, as people count them, either way', async () => {
    const db = await demoStation();
    const index = await indexOf(db);
    const ids = index.query(base);
    expect(ids).toHaveLength(await db.runs.count());
    expect(ids.slice(0, 3)).toEqual(['R-1001', 'R-1002', 'R-1003']);
    expect(index.query({ ...base, descending: true })[0]).toBe(ids[ids.length - 1]);
  });

  it('filters by status, procedure and batch', async () => {
    const db = await demoStation();
    const index = await indexOf(db);
    const held = index.query({ ...base, statuses: ['hold'] });
    const rows = await db.runs.bulkGet([...held]);
    expect(held.length).toBeGreaterThan(0);
    expect(rows.every((r) => r?.status === 'hold')).toBe(true);

    const line2 = index.query({ ...base, batch: 'batch:B-101' });
    expect(line2).toEqual(['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010']);
    const none = index.query({ ...base, batch: 'none' });
    const batched = index.query({ ...base, batch: 'batched' });
    expect(none.length + batched.length).toBe(await db.runs.count());
    expect(none).not.toContain('R-1005');

    const pumps = index.query({ ...base, procedureVersionIds: ['P-PM10@1'], batch: 'batched' });
    expect(pumps).toEqual(['R-1015', 'R-1016', 'R-1017']);
  });

  it('searches run id, title and unit serial, ignoring case', async () => {
    const db = await demoStation();
    const index = await indexOf(db);
    expect(index.query({ ...base, search: 'r-1018' })).toEqual(['R-1018']);
    expect(index.query({ ...base, search: 'ORDER 55100' })).toEqual(['R-1001', 'R-1002', 'R-1003', 'R-1004', 'R-1005']);
    expect(index.query({ ...base, search: 'cb220-26-00017' })).toHaveLength(1);
    expect(index.query({ ...base, search: '  ' })).toHaveLength(await db.runs.count());
  });

  it('sorts by title, status (what needs attention first), batch and update time', async () => {
    const db = await demoStation();
    const index = await indexOf(db);
    const byTitle = index.query({ ...base, sort: 'title' });
    const titles = (await db.runs.bulkGet([...byTitle])).map((r) => r?.title ?? '');
    expect(titles[0]?.startsWith('CB-220')).toBe(true);
    expect(titles[titles.length - 1]?.startsWith('PM-10')).toBe(true);

    const byStatus = await db.runs.bulkGet([...index.query({ ...base, sort: 'status' })]);
    expect(byStatus[0]?.status).toBe('failed');

    const byBatch = index.query({ ...base, sort: 'batch' });
    expect(byBatch.slice(0, 6)).toEqual(['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010']);
    expect((await db.runs.get(byBatch[byBatch.length - 1] ?? ''))?.batchId).toBeNull();

    const byUpdate = await db.runs.bulkGet([...index.query({ ...base, sort: 'updated', descending: true })]);
    const times = byUpdate.map((r) => r?.updatedAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });
});
