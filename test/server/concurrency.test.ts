import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, PushResponse } from '../../shared/protocol/sync';
import { instantiateRun } from '../../shared/engine/instantiate';
import type { ProcedureVersion } from '../../shared/schemas/procedure';
import type { Run, RunStep } from '../../shared/schemas/run';
import { startTestServer, type TestServer } from './harness';
import { operationMix } from './opMix';
import { StationClient } from './stationClient';

let server: TestServer;
let stations: StationClient[];
const perStation = 120;
const chunk = 20;
const responses: PushResponse[][] = [];

beforeAll(async () => {
  server = await startTestServer();
  stations = await Promise.all(Array.from({ length: 10 }, (_, i) => StationClient.enrol(server.url, `Station ${String(i + 1)}`)));
  // One batch, so many operations propagate while other stations act on the same steps.
  const [first] = stations;
  if (!first) throw new Error('no station');
  await first.push(first.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2', 'R-3', 'R-4'] }));
  const seenBatch = (runId: string) => (['R-1', 'R-2', 'R-3', 'R-4'].includes(runId) ? { batchId: 'B-1', batchMembers: ['R-1', 'R-2', 'R-3', 'R-4'] } : { batchId: null, batchMembers: [] });
  // Ten stations push their outboxes at once, each in order, chunk after chunk.
  await Promise.all(
    stations.map(async (station, k) => {
      const ops = operationMix({ stationId: station.stationId, count: perStation, seed: k + 1, runIds: ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'], seenBatch });
      const mine: PushResponse[] = [];
      for (let i = 0; i < ops.length; i += chunk) mine.push(await station.push(...ops.slice(i, i + chunk)));
      responses[k] = mine;
    }),
  );
}, 60_000);
afterAll(async () => {
  await server.dispose();
});

const one = (sql: string) => server.store.db.prepare<[], Record<string, number | string>>(sql).get() ?? {};

describe('ten stations pushing at once', () => {
  it('records exactly one outcome for every operation, in each station\'s order', () => {
    expect(one('SELECT COUNT(*) AS n FROM operations')['n']).toBe(10 * perStation + 1);
    stations.forEach((station, k) => {
      const results = (responses[k] ?? []).flatMap((r) => r.results);
      expect(results.map((r) => r.seq)).toEqual(Array.from({ length: perStation }, (_, i) => i + (k === 0 ? 2 : 1)));
      expect(results.every((r) => !r.duplicate)).toBe(true);
    });
    const statuses = String(one('SELECT GROUP_CONCAT(DISTINCT status) AS kinds FROM operations')['kinds']).split(',');
    expect(statuses).toEqual(expect.arrayContaining(['applied', 'rejected']));
  });

  it('keeps the feed gap-free, and its operation entries in commit order', () => {
    const feed = one('SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM feed');
    expect(feed['lo']).toBe(1);
    expect(feed['hi']).toBe(feed['n']);
    const order = server.store.db.prepare<[], { feed_seq: number }>('SELECT feed_seq FROM operations ORDER BY rowid').all().map((r) => r.feed_seq);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lets every station pull all of its outcomes, and converge on the server\'s rows', async () => {
    for (const station of stations.slice(0, 3)) {
      const outcomes: PullResponse['outcomes'] = [];
      const steps = new Map<string, RunStep>();
      const runs = new Map<string, Run>();
      const procedures = new Map<string, ProcedureVersion>();
      let cursor = 0;
      for (;;) {
        const page = await station.pull(cursor, 2000);
        outcomes.push(...page.outcomes);
        page.changes.forEach((c) => {
          if (c.entity === 'runStep') steps.set(c.row.id, c.row);
          if (c.entity === 'run') runs.set(c.row.id, c.row);
          if (c.entity === 'procedure') procedures.set(c.row.id, c.row);
        });
        cursor = page.cursor;
        if (!page.more) break;
      }
      expect(outcomes.length).toBe(station === stations[0] ? perStation + 1 : perStation);
      // A step the feed never sent is pristine: the copy of its run's procedure step.
      for (const run of runs.values()) {
        const procedure = procedures.get(run.procedureVersionId);
        if (!procedure) throw new Error(`the feed sent run ${run.id} without its procedure`);
        const at = run.createdAt;
        for (const step of instantiateRun(procedure, { runId: run.id, title: run.title, unitSerial: run.unitSerial, at }).steps) {
          if (!steps.has(step.id)) steps.set(step.id, step);
        }
      }
      const server_ = server.store.db.prepare<[], { id: string; body: string }>('SELECT id, body FROM run_steps').all();
      expect(steps.size).toBe(server_.length);
      for (const row of server_) expect(steps.get(row.id)).toEqual(JSON.parse(row.body));
    }
  });
});
