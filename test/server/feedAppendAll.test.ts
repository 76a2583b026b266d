import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedAppend } from '../../server/storage/feedStore';
import { Store } from '../../server/storage/store';
import { tempDir } from './harness';

const stores: { store: Store; dir: string }[] = [];
afterEach(() => {
  stores.splice(0).forEach(({ store, dir }) => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
const open = () => {
  const dir = tempDir();
  const store = Store.open(dir);
  stores.push({ store, dir });
  return store;
};
const feedOf = (store: Store) => store.db.prepare('SELECT seq, entity, entity_id, op, station_id, committed_at FROM feed ORDER BY seq').all();

describe('appending many feed entries in one go', () => {
  // 150 entries: more than one statement holds (64 rows each), ending in a part-filled one.
  const entries: FeedAppend[] = Array.from({ length: 150 }, (_, i): FeedAppend => (i % 50 === 49 ? ['operation', `op-${String(i)}`, 'put', 'ST-1'] : ['runStep', `s-${String(i)}`, i % 7 === 0 ? 'delete' : 'put', null]));
  const at = '2026-11-26T09:00:00.000Z';

  it('numbers and stores them exactly as appending them one at a time would, and returns the last number', () => {
    const together = open();
    const oneByOne = open();
    const last = together.transaction(() => together.feed.appendAll(entries, at));
    const seqs = oneByOne.transaction(() => entries.map((e) => oneByOne.feed.append(...e, at)));
    expect(feedOf(together)).toEqual(feedOf(oneByOne));
    expect(last).toBe(seqs.at(-1));
    expect(together.feed.head()).toBe(150);
  });

  it('appends nothing for no entries', () => {
    const store = open();
    expect(store.feed.appendAll([], at)).toBe(0);
    expect(feedOf(store)).toEqual([]);
  });

  it('refuses an entry the feed does not accept and leaves the feed as it was', () => {
    const store = open();
    store.feed.append('run', 'R-1', 'put', null, at);
    const bad = [...entries.slice(0, 70), ['run', 'R-2', 'upsert', null] as unknown as FeedAppend];
    expect(() => store.transaction(() => store.feed.appendAll(bad, at))).toThrow(/CHECK constraint/);
    expect(feedOf(store)).toHaveLength(1);
  });

  it('refuses to run outside a transaction, where a failing row would leave the rows before it', () => {
    const store = open();
    expect(() => store.feed.appendAll(entries, at)).toThrow(/inside a transaction/);
    expect(feedOf(store)).toEqual([]);
  });
});
