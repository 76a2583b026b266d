import { boardV1, Plant } from '../shared/fixtures';
import { startTestServer } from '../server/harness';
import { StationUnderTest } from '../sync/stationUnderTest';
import { repeat, type Row } from './measure';

/**
 * How long until a change made at one station shows on the sibling steps at another online
 * station: A saves a start on a batched step; the server applies it and pokes B over its event
 * stream; B pulls and commits the page. Both stations are the real store and worker in Node over
 * fake-indexeddb (the browser's IndexedDB is measured with the station UI benchmarks), the server
 * is real, on loopback.
 */
export async function siblingVisible(): Promise<Row> {
  const server = await startTestServer();
  const head = () => server.store.feed.head();
  const a = await StationUnderTest.start(server.url, 'bench-a');
  const b = await StationUnderTest.start(server.url, 'bench-b');
  try {
    await a.settled(head);
    await b.settled(head);
    const ops = new Plant([{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'] }]);
    await a.act(ops.batchOp('createBatch', { batchId: 'BB-1', runIds: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'], title: null }));
    await a.settled(head);
    await b.settled(head);
    let i = 0;
    const result = await repeat(
      async () => {
        const hold = i % 2 === 0;
        i += 1;
        const op = hold ? ops.stepOp('hold', 'R-1', 'inspect', { reason: 'Bench' }) : ops.stepOp('release', 'R-1', 'inspect', {});
        const started = performance.now();
        await a.act(op);
        const want = hold ? 'hold' : 'todo';
        for (;;) {
          if ((await b.db.runSteps.get('R-6/inspect'))?.state === want) return performance.now() - started;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      },
      { warmup: 5, repeats: 40 },
    );
    const { p95, ...summary } = result;
    return {
      figure: 'Sibling change visible on a second online station (Node stations)',
      unit: 'ms',
      ...summary,
      target: `p95 ≤ 250 ms (p95 here ${p95.toFixed(1)} ms)`,
      met: p95 <= 250,
    };
  } finally {
    a.stop();
    b.stop();
    await server.dispose();
  }
}
