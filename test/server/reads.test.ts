import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import type { BatchWithMembers, ProcedureSummary, RunDetail, RunsPage } from '../../shared/protocol/reads';
import type { ProcedureVersion } from '../../shared/schemas/procedure';
import { startTestServer, type TestServer } from './harness';
import { StationClient } from './stationClient';

let server: TestServer;
let station: StationClient;

beforeAll(async () => {
  server = await startTestServer();
  station = await StationClient.enrol(server.url);
  await station.push(
    station.batchOp('createBatch', { batchId: 'B-1', title: 'Lot 7', runIds: ['R-1', 'R-2', 'R-3'] }),
    await station.stepOp('start', 'R-5', 'inspect', {}),
  );
  await station.push(await station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
});
afterAll(async () => {
  await server.dispose();
});

const runs = async (query: string) => (await station.get<RunsPage>(`${apiPaths.runs}?${query}`)).body;

describe('procedures', () => {
  it('lists released procedure versions and returns one in full', async () => {
    const list = await station.get<{ items: ProcedureSummary[] }>(apiPaths.procedures);
    expect(list.body.items.map((p) => [p.id, p.stepCount])).toEqual([
      ['P-100@1', 7],
      ['P-100@2', 7],
      ['P-200@1', 2],
      ['P-900@1', 1],
    ]);
    const one = await station.get<ProcedureVersion>('/v1/procedures/P-100@2');
    expect(one.body.steps.find((s) => s.originStepId === 'torque')?.title).toBe('Torque bolts (revised)');
  });
});

describe('runs', () => {
  it('pages through every run exactly once with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: RunsPage = await runs(`limit=4&sort=id${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(9);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['G-1', 'G-2', 'H-1', 'R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6']);
  });

  it('sorts descending and by other keys', async () => {
    expect((await runs('sort=id&order=desc&limit=3')).items.map((r) => r.id)).toEqual(['R-6', 'R-5', 'R-4']);
    const byUpdate = await runs('sort=updatedAt&order=desc&limit=5');
    const dates = byUpdate.items.map((r) => r.updatedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const byStatus = await runs('sort=status&limit=20');
    expect(byStatus.items.map((r) => r.status)).toEqual([...byStatus.items.map((r) => r.status)].sort());
  });

  it('filters by status, procedure, batch and text', async () => {
    expect((await runs('status=in_progress')).items.map((r) => r.id).sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-5']);
    expect((await runs('procedure=P-200@1')).items.map((r) => r.id)).toEqual(['H-1']);
    expect((await runs('procedure=P-100')).total).toBe(6);
    expect((await runs('batch=B-1')).items.map((r) => r.id)).toEqual(['R-1', 'R-2', 'R-3']);
    expect((await runs('batch=none')).total).toBe(6);
    expect((await runs('q=harness')).items.map((r) => r.id)).toEqual(['H-1']);
    expect((await runs('q=SN-R-4')).items.map((r) => r.id)).toEqual(['R-4']);
    expect((await runs('q=100%25')).total).toBe(0);
    expect((await runs('status=todo&procedure=P-100@1&batch=none')).items.map((r) => r.id)).toEqual(['R-4', 'R-6']);
  });

  it('returns one run with its steps in order and its signatures', async () => {
    const detail = (await station.get<RunDetail>('/v1/runs/R-2')).body;
    expect(detail.run).toMatchObject({ id: 'R-2', batchId: 'B-1', stepsDone: 1, stepsTotal: 7 });
    expect(detail.steps.map((s) => s.number)).toEqual(['1', '2', '3', '3.1', '3.2', '4', '5']);
    expect(detail.signatures).toMatchObject([{ stepId: 'R-2/inspect', provenance: { batchId: 'B-1', fromRunId: 'R-1', fromStepId: 'R-1/inspect' } }]);
  });
});

describe('batches', () => {
  it('lists batches with their members and returns one', async () => {
    const list = (await station.get<{ items: BatchWithMembers[]; total: number }>(apiPaths.batches)).body;
    expect(list.total).toBe(1);
    const one = (await station.get<BatchWithMembers>('/v1/batches/B-1')).body;
    expect(list.items[0]).toEqual(one);
    expect(one.batch).toMatchObject({ id: 'B-1', title: 'Lot 7', memberRunIds: ['R-1', 'R-2', 'R-3'] });
    expect(one.members.map((m) => [m.id, m.status])).toEqual([
      ['R-1', 'in_progress'],
      ['R-2', 'in_progress'],
      ['R-3', 'in_progress'],
    ]);
  });
});
