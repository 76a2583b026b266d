import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../shared/protocol/sync';
import type { FromWorker } from '../../shared/sync/messages';
import { expectConverged } from './convergence';
import { serverWithStations } from './serverWithStations';
import { StationUnderTest } from './stationUnderTest';

/**
 * The worker keeps two pages with the renderer (docs/sync.md): while one commits, the next is
 * already handed over. Against the real server, with pages of five entries so a bootstrap takes
 * many, one page is spoiled on its way to the renderer so that it cannot be stored.
 */
describe('pages handed over two at a time', () => {
  const plant = serverWithStations();

  it('a page that fails to commit is pulled again, and none after it is applied over the gap', async () => {
    let pages = 0;
    const intercept = (message: FromWorker): FromWorker => {
      if (message.type !== 'page' || ++pages !== 3) return message;
      // A row without its key: IndexedDB refuses the put and the page's transaction rolls back.
      const [first, ...rest] = message.page.changes;
      if (!first?.row) throw new Error('the third page should start with a row');
      const spoiled = { ...first, row: { ...first.row, id: undefined } } as unknown as FeedEntry;
      return { ...message, page: { ...message.page, changes: [spoiled, ...rest] } };
    };
    const station = await StationUnderTest.start(plant.server.url, 'spoiled', { pullLimit: 5, intercept });
    try {
      await station.settled(plant.head);
      // Pulled again from the last page committed: every row of the spoiled page is here.
      await expectConverged(station.db, plant.server.store);
      // The fault hit: the worker was told, and the renderer's first error is the spoiled page's.
      expect(station.errors).toContain('page_not_applied');
      expect(station.pageErrors[0]).toBe('DataError');
      // A page handed over behind it, if it arrived before the worker heard, was refused whole.
      expect(station.pageErrors.slice(1).every((name) => name === 'PageGapError')).toBe(true);
    } finally {
      station.stop();
    }
  });
});
