import { describe, expect, it } from 'vitest';
import { runSimulation } from './simulation';

/** CI runs this many seeds; `npm run soak -- --seeds 5000` runs more. */
const seeds = Number(process.env['SIM_SEEDS'] ?? 200);

describe('seeded sync simulation: faulty network, stations cut off, server restarts', () => {
  it('one seed replays exactly the same run', async () => {
    const first = await runSimulation(7);
    const again = await runSimulation(7);
    expect(again).toEqual(first);
    expect(first.accepted).toBeGreaterThan(0);
  });

  it(`nothing is lost and every cache converges, over ${String(seeds)} seeds`, async () => {
    const totals: Record<string, number> = {};
    for (let seed = 1; seed <= seeds; seed++) {
      const report = await runSimulation(seed);
      for (const [status, n] of Object.entries(report.outcomes)) totals[status] = (totals[status] ?? 0) + n;
    }
    expect(Object.keys(totals).length).toBeGreaterThan(0);
  }, 600_000);

  it('converges as well where the stations keep most runs in pages, over 30 seeds', async () => {
    let pages = 0;
    let accepted = 0;
    for (let seed = 1; seed <= 30; seed++) {
      // 150 runs more than the fixture's, pulled 400 feed entries at a time: a bootstrap keeps
      // them in pages, and the random operations land on them as on rows (expectConverged reads
      // the runs as the station does).
      const report = await runSimulation(seed, { stations: 3, steps: 60, moreRuns: 150, pullLimit: 400 });
      pages += report.runPages;
      accepted += report.accepted;
    }
    expect(pages).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  }, 600_000);
});
