import * as fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, commandArb } from '../../shared/randomOps';
import { expectConverged } from '../convergence';
import { ManualTime } from '../fakeEdges';
import { noFaults } from './faultyTransport';
import { InProcessServer } from './inProcessServer';
import { Dice, seededRandom } from './prng';
import { SimStation } from './simStation';

export interface SimulationOptions {
  stations: number;
  steps: number;
  /** Runs beyond the fixture's, which bootstrapping stations keep in pages (runPages.ts) when a pull brings enough of them. */
  moreRuns?: number;
  /** Feed entries a station's pull asks for (40 unless given). */
  pullLimit?: number;
}

export interface SimulationReport {
  seed: number;
  accepted: number;
  restarts: number;
  reloads: number;
  outcomes: Record<string, number>;
  /** Records of runs kept in pages, over every station at the end. */
  runPages: number;
}

/** Lets every promise and fake-indexeddb callback that is ready run (no real I/O or timers are involved). */
async function drain(): Promise<void> {
  for (let i = 0; i < 30; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * One seeded run: stations act on what they see while the network drops, loses and duplicates
 * messages, stations are cut off or reloaded and the server restarts; then every fault heals and the run
 * checks that nothing accepted was lost, each operation has one outcome, cursors only moved
 * forward, every outbox is empty and every cache equals the server. Everything random comes from
 * the seed, so a failing seed replays the same run.
 */
export async function runSimulation(seed: number, options: SimulationOptions = { stations: 3, steps: 60 }): Promise<SimulationReport> {
  const dice = new Dice(seededRandom(seed));
  const time = new ManualTime();
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-sim-'));
  const server = await InProcessServer.start(dataDir, () => new Date(time.now), options.moreRuns ?? 0);
  const stations: SimStation[] = [];
  try {
    for (let i = 0; i < options.stations; i++) stations.push(await SimStation.start(server, time, `s${String(i)}`, seed * 31 + i, options.pullLimit));
    const commands = fc.sample(commandArb, { seed, numRuns: options.steps });
    const pokeAll = () => {
      const head = server.store.feed.head();
      for (const s of stations) if (s.online.current() && dice.chance(0.8)) s.network.poke(head);
    };
    await drain();

    for (let step = 0; step < options.steps; step++) {
      const station = dice.pick(stations);
      const roll = dice.random();
      if (roll < 0.5) {
        const command = commands[step];
        const view = await station.view();
        // A station still bootstrapping may hold a run whose steps are on the next page: a person would wait too.
        const complete = view.runs.size > 0 && [...view.runs.values()].every((r) => r.stepIds.every((id) => view.steps.has(id)));
        if (command && complete) await station.act(build(view, { ...command, lag: 0 }, step));
      } else if (roll < 0.62) {
        station.online.set(!station.online.current());
      } else if (roll < 0.72) {
        station.network.faults = dice.chance(0.3)
          ? noFaults
          : { dropRequest: dice.random() * 0.4, loseResponse: dice.random() * 0.4, duplicate: dice.random() * 0.3 };
      } else if (roll < 0.75) {
        await server.restart();
      } else if (roll < 0.78) {
        await station.reload();
      } else {
        await time.advance(dice.int(3_000));
      }
      await drain();
      pokeAll();
      await drain();
      for (const s of stations) await s.recordCursor();
    }

    // Heal every fault and let the stations catch up.
    for (const s of stations) {
      s.network.faults = noFaults;
      s.online.set(true);
    }
    for (let round = 0; ; round++) {
      await time.advance(6_000);
      pokeAll();
      await drain();
      const head = server.store.feed.head();
      const settled = await Promise.all(stations.map((s) => s.settled(head)));
      if (settled.every(Boolean)) break;
      if (round > 100) throw new Error(`seed ${String(seed)}: the stations did not settle after every fault healed`);
    }

    const outcomes: Record<string, number> = {};
    for (const s of stations) {
      if (s.errors.length > 0) throw new Error(`seed ${String(seed)}: ${s.name} could not commit a page: ${String(s.errors[0])}`);
      await s.recordCursor();
      s.cursors.forEach((c, i) => {
        if (i > 0 && c < (s.cursors[i - 1] ?? 0)) throw new Error(`seed ${String(seed)}: ${s.name}'s cursor moved back from ${String(s.cursors[i - 1])} to ${String(c)}`);
      });
      for (const op of s.accepted) {
        const rows = server.store.db.prepare<[string], { status: string }>('SELECT status FROM operations WHERE id = ?').all(op.id);
        if (rows.length !== 1) throw new Error(`seed ${String(seed)}: operation ${op.id} of ${s.name} has ${String(rows.length)} outcomes at the server`);
        const local = await s.db.outcomes.get(op.id);
        if (!local || local.outcome.status !== rows[0]?.status) {
          throw new Error(`seed ${String(seed)}: ${s.name} does not hold the server's outcome of ${op.id}`);
        }
        outcomes[local.outcome.status] = (outcomes[local.outcome.status] ?? 0) + 1;
      }
      await expectConverged(s.db, server.store);
    }
    const total = server.store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM operations').get()?.n ?? 0;
    const accepted = stations.reduce((n, s) => n + s.accepted.length, 0);
    if (total !== accepted) throw new Error(`seed ${String(seed)}: the server holds ${String(total)} operations, the stations accepted ${String(accepted)}`);
    const runPages = (await Promise.all(stations.map((s) => s.db.runPages.count()))).reduce((a, b) => a + b, 0);
    return { seed, accepted, restarts: server.restarts, reloads: stations.reduce((n, s) => n + s.reloads, 0), outcomes, runPages };
  } finally {
    for (const s of stations) s.stop();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
