import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import type { ReviewItem } from '../../shared/protocol/reads';
import { startTestServer, type TestServer } from './harness';
import { errorOf, StationClient } from './stationClient';

let server: TestServer;
let a: StationClient;
let b: StationClient;

beforeEach(async () => {
  server = await startTestServer();
  a = await StationClient.enrol(server.url, 'A');
  b = await StationClient.enrol(server.url, 'B');
});
afterEach(async () => {
  await server.dispose();
});

const queue = async (actorId = 'u-sup', include = 'open') =>
  (await a.get<{ items: ReviewItem[] }>(`${apiPaths.review}?actorId=${actorId}&include=${include}`)).body.items;

describe('review queue', () => {
  it('lists an operation that needs review with both sides', async () => {
    await a.push(await a.stepOp('start', 'R-1', 'inspect', {}));
    const fail = await b.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    await a.push(await a.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    await b.push(fail);
    const [item, ...rest] = await queue();
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      operationId: fail.id,
      stationId: b.stationId,
      stationSeq: 1,
      operation: { kind: 'fail', reason: 'Cracked', seen: { stepVersion: 1 } },
      outcome: { status: 'needs_review', code: 'stale_step', current: { state: 'complete', version: 2, by: 'Ana Ortiz' } },
      now: { steps: [{ id: 'R-1/inspect', state: 'complete' }], runs: [{ id: 'R-1' }] },
      resolution: null,
    });
  });

  it('lists a propagation that left out a run which left the batch, with that run now', async () => {
    await a.push(a.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2', 'R-3'] }));
    const signOff = await b.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} });
    await a.push(a.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
    await b.push(signOff);
    const [item] = await queue();
    expect(item?.outcome).toMatchObject({ status: 'applied_with_exclusions', excluded: [{ runId: 'R-3', review: true }] });
    expect(item?.now.runs.map((r) => [r.id, r.batchId])).toEqual([
      ['R-1', 'B-1'],
      ['R-3', null],
    ]);
  });

  it('resolves an item once, keeping who decided and why', async () => {
    await a.push(await a.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'One' }, 'eng'));
    const second = await b.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Two' }, 'admin');
    second.seen.stepVersion = 0;
    await b.push(second);
    const reply = await a.post<ReviewItem>(`/v1/review/${second.id}/resolve`, { actorId: 'u-sup', note: 'Merged into the first redline' });
    expect(reply.status).toBe(200);
    expect(reply.body.resolution).toMatchObject({ by: 'u-sup', byName: 'Chen Wei', note: 'Merged into the first redline' });
    const again = await a.post<ReviewItem>(`/v1/review/${second.id}/resolve`, { actorId: 'u-eng', note: 'Other' });
    expect(again.body.resolution?.by).toBe('u-sup');
    expect(await queue()).toEqual([]);
    expect(await queue('u-sup', 'all')).toHaveLength(1);
  });

  it('refuses users without the permissions, naming them', async () => {
    const list = await a.get(`${apiPaths.review}?actorId=u-tech`);
    expect(list.status).toBe(403);
    expect(errorOf(list)).toMatchObject({ code: 'permission_denied', permission: 'ViewReviewQueue' });
    const resolve = await a.post('/v1/review/x/resolve', { actorId: 'u-tech2', note: 'x' });
    expect(errorOf(resolve)).toMatchObject({ code: 'permission_denied', permission: 'ResolveReview', message: 'Ben Okafor does not have the ResolveReview permission' });
    const inactive = await a.get(`${apiPaths.review}?actorId=u-gone`);
    expect(errorOf(inactive)).toMatchObject({ code: 'permission_denied', permission: 'ViewReviewQueue' });
    const missing = await a.post('/v1/review/nope/resolve', { actorId: 'u-sup', note: 'x' });
    expect(errorOf(missing).code).toBe('unknown_operation');
    const noActor = await a.get(apiPaths.review);
    expect(errorOf(noActor)).toMatchObject({ code: 'invalid_input', issues: [{ path: 'actorId' }] });
  });
});
