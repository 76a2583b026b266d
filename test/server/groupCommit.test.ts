import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { Store } from '../../server/storage/store';
import { GroupCommit } from '../../server/sync/groupCommit';
import { tempDir } from './harness';
import { StationClient, errorOf } from './stationClient';
import { startTestServer, type TestServer } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function openStore(): Store {
  const dir = tempDir();
  const store = Store.open(dir);
  cleanups.push(() => { store.close(); rmSync(dir, { recursive: true, force: true }); });
  return store;
}

const feedIds = (store: Store) => store.db.prepare<[], { entity_id: string }>('SELECT entity_id FROM feed ORDER BY seq').all().map((r) => r.entity_id);

describe('group commit', () => {
  it('commits the work submitted together in one transaction, and a piece that throws takes back only its own writes', async () => {
    const store = openStore();
    let commits = 0;
    const group = new GroupCommit(store, () => { commits += 1; });
    const at = '2026-11-26T09:00:00.000Z';
    const inTransaction: boolean[] = [];
    const first = group.submit(() => { inTransaction.push(store.db.inTransaction); return store.feed.append('operation', 'first', 'put', null, at); });
    const failing = group.submit(() => {
      store.feed.append('operation', 'failing', 'put', null, at);
      throw new Error('refused');
    });
    const third = group.submit(() => store.feed.append('operation', 'third', 'put', null, at));
    await expect(failing).rejects.toThrow('refused');
    // The feed stays gap-free: the refused piece gave its number back.
    expect(await first).toBe(1);
    expect(await third).toBe(2);
    expect(inTransaction).toEqual([true]);
    expect(feedIds(store)).toEqual(['first', 'third']);
    // One commit for the three pieces: the server asks for one background checkpoint after it.
    expect(commits).toBe(1);
  });

  it('answers nothing when the commit itself fails, and keeps nothing', async () => {
    const store = openStore();
    let commits = 0;
    const group = new GroupCommit(store, () => { commits += 1; });
    // Deferred foreign-key checks fail at COMMIT, after every piece has run.
    store.db.exec('CREATE TABLE parent (id TEXT PRIMARY KEY); CREATE TABLE child (id TEXT, parent TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
    const good = group.submit(() => store.db.prepare("INSERT INTO parent VALUES ('p')").run().changes);
    const orphan = group.submit(() => store.db.prepare("INSERT INTO child VALUES ('c', 'missing')").run().changes);
    await expect(good).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM parent').get()).toEqual({ n: 0 });
    expect(commits).toBe(0);
  });
});

describe('pushes from many stations at once', () => {
  let server: TestServer;

  it('each is applied or refused on its own, as if pushed one after another', async () => {
    server = await startTestServer();
    cleanups.push(() => server.dispose());
    const stations = await Promise.all(['A', 'B', 'C', 'D'].map((name) => StationClient.enrol(server.url, name)));
    const ops = await Promise.all(stations.map((s, i) => s.stepOp('start', `R-${String(i + 1)}`, 'inspect', {})));
    const [a, b, c, d] = stations;
    if (!a || !b || !c || !d) throw new Error('four stations');
    // Station C skips sequence number 1: its push is refused whole, the others are not held up.
    const replies = await Promise.all([
      a.pushEntries([{ seq: 1, op: ops[0] }]),
      b.pushEntries([{ seq: 1, op: ops[1] }]),
      c.pushEntries([{ seq: 2, op: ops[2] }]),
      d.pushEntries([{ seq: 1, op: ops[3] }]),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 409, 200]);
    expect(errorOf(replies[2])).toMatchObject({ code: 'sequence_gap' });
    expect((await a.step('R-1', 'inspect')).state).toBe('in_progress');
    expect((await c.step('R-3', 'inspect')).state).toBe('todo');
    expect((await d.step('R-4', 'inspect')).state).toBe('in_progress');
    const recorded = server.store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM operations').get()?.n;
    expect(recorded).toBe(3);
  });
});
