import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../server/storage/store';
import { boardV1, Plant } from '../shared/fixtures';
import { startChildServer, type ChildServer } from '../server/childServer';
import { seedFixture, tempDir } from '../server/harness';
import { expectConverged } from './convergence';
import { StationUnderTest } from './stationUnderTest';

/**
 * The server process killed (kill -9) while a station drains its outbox, then started again on
 * the same database and port: the station's worker retries, re-sends what it has no answer for,
 * and every operation ends applied exactly once.
 */
describe('the server killed in the middle of a push', () => {
  const dirs: string[] = [];
  const children: ChildServer[] = [];
  let station: StationUnderTest | null = null;
  afterEach(() => {
    station?.stop();
    children.forEach((c) => c.process.kill('SIGKILL'));
    dirs.forEach((d) => { rmSync(d, { recursive: true, force: true }); });
  });

  it('restarts, and the station ends with every operation applied once and its cache equal to the server', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const seeded = Store.open(dataDir);
    await seedFixture(seeded);
    seeded.close();

    const first = await startChildServer(['--data', dataDir, '--no-demo']);
    children.push(first);
    const port = new URL(first.url).port;
    const reader = () => Store.open(dataDir);
    const headNow = () => {
      const store = reader();
      try {
        return store.feed.head();
      } finally {
        store.close();
      }
    };
    station = await StationUnderTest.start(first.url, 'line-1');
    await station.settled(headNow);

    station.online.set(false);
    const ops = new Plant([{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'] }]);
    for (let i = 0; i < 600; i++) {
      const run = `R-${String(1 + (i % 6))}`;
      await station.act(i % 2 === 0 ? ops.stepOp('hold', run, 'inspect', { reason: 'Fixture' }) : ops.stepOp('release', run, 'inspect', {}));
    }
    station.online.set(true);
    await new Promise((resolve) => setTimeout(resolve, 15));
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await startChildServer(['--data', dataDir, '--no-demo', '--port', port]);
    children.push(second);
    await station.settled(headNow, 60_000);
    // The kill reached the station: its worker saw the connection fail and retried.
    expect(station.errors).toContain('network');

    const store = reader();
    try {
      const recorded = store.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM operations WHERE station_id = ?').get(station.stationId)?.n;
      expect(recorded).toBe(600);
      expect(await station.db.outcomes.count()).toBe(600);
      await expectConverged(station.db, store);
    } finally {
      store.close();
    }
  }, 120_000);
});
