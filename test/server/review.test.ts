import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import type { ReviewItem } from '../../shared/protocol/reads';
import type { FeedEntry } from '../../shared/protocol/sync';
import type { ReviewAction } from '../../shared/schemas/operation';
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

const pulledReviews = async (station: StationClient) =>
  (await station.pull(0, 2000)).changes.filter((c): c is Extract<FeedEntry, { entity: 'review' }> => c.entity === 'review').map((c) => c.row);

/** Station B signs off R-1 in a batch of three; before it reaches the server, R-3 leaves the batch. */
async function leftOutSignOff(): Promise<string> {
  await a.push(a.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2', 'R-3'] }));
  const signOff = await b.stepOp('signOff', 'R-1', 'inspect', { meaning: 'verified', fieldValues: {} });
  await a.push(a.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  await b.push(signOff);
  return `${signOff.id}~R-3`;
}

const resolve = (reviewId: string, action: ReviewAction, who: 'sup' | 'eng' | 'tech' = 'sup') =>
  a.batchOp('resolveReview', { reviewId, action, reason: `Decided: ${action}` }, who);

describe('review queue', () => {
  it('a stale push creates a review row with both sides, in pull and in /v1/review', async () => {
    await a.push(await a.stepOp('start', 'R-1', 'inspect', {}));
    const fail = await b.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
    await a.push(await a.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    await b.push(fail);
    const [item, ...rest] = await queue();
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      review: {
        id: `${fail.id}~R-1`,
        kind: 'stale_step',
        runId: 'R-1',
        stepId: 'R-1/inspect',
        operation: { kind: 'fail', reason: 'Cracked', seen: { stepVersion: 1 } },
        serverSide: { state: 'complete', version: 2, by: 'Ana Ortiz' },
        actorName: 'Ben Okafor',
        stationId: b.stationId,
        resolution: null,
      },
      now: { step: { id: 'R-1/inspect', state: 'complete' }, run: { id: 'R-1' } },
    });
    expect(item?.receivedAt).toEqual(expect.any(String));
    expect(await pulledReviews(a)).toEqual([item?.review]);
  });

  it('a propagation that left out a run which left the batch raises a left_out row on its step', async () => {
    const reviewId = await leftOutSignOff();
    const [item] = await queue();
    expect(item?.review).toMatchObject({ id: reviewId, kind: 'left_out', stepId: 'R-3/inspect', batchId: 'B-1', serverSide: { state: 'todo' } });
    expect(item?.now.run).toMatchObject({ id: 'R-3', batchId: null });
  });

  it('a technician is refused the queue and cannot resolve; the item stays open', async () => {
    const list = await a.get(`${apiPaths.review}?actorId=u-tech`);
    expect(list.status).toBe(403);
    expect(errorOf(list)).toMatchObject({ code: 'permission_denied', permission: 'ViewReviewQueue' });
    const inactive = await a.get(`${apiPaths.review}?actorId=u-gone`);
    expect(errorOf(inactive)).toMatchObject({ code: 'permission_denied', permission: 'ViewReviewQueue' });
    const noActor = await a.get(apiPaths.review);
    expect(errorOf(noActor)).toMatchObject({ code: 'invalid_input', issues: [{ path: 'actorId' }] });
    const reviewId = await leftOutSignOff();
    expect(await a.pushOne(resolve(reviewId, 'acceptServer', 'tech'))).toMatchObject({ status: 'rejected', code: 'permission_denied' });
    expect(await queue()).toHaveLength(1);
  });

  it('the old note-only resolve endpoint is gone: resolving is an operation', async () => {
    const reviewId = await leftOutSignOff();
    const reply = await a.post(`/v1/review/${encodeURIComponent(reviewId)}/resolve`, { actorId: 'u-sup', note: 'x' });
    expect(reply.status).toBe(404);
    expect(await queue()).toHaveLength(1);
  });

  it('acceptServer resolves it: the row leaves the open queue, with the decision and its audit entry', async () => {
    const reviewId = await leftOutSignOff();
    const op = resolve(reviewId, 'acceptServer');
    expect(await a.pushOne(op)).toEqual({ status: 'applied', note: null, propagatedTo: [] });
    expect(await queue()).toEqual([]);
    const [item] = await queue('u-sup', 'all');
    expect(item?.review).toMatchObject({ version: 2, resolution: { action: 'acceptServer', byName: 'Chen Wei', operationId: op.id } });
    const audit = (await a.get<{ action: string; reason: string }[]>('/v1/runs/R-3/audit')).body;
    expect(JSON.stringify(audit)).toContain('"action":"resolveReview"');
    expect((await pulledReviews(b)).at(-1)?.resolution?.operationId).toBe(op.id);
  });

  it('applyToRun signs the left-out run as propagation would have, with provenance', async () => {
    const reviewId = await leftOutSignOff();
    expect(await a.pushOne(resolve(reviewId, 'applyToRun'))).toMatchObject({ status: 'applied' });
    const { steps, signatures } = await a.run('R-3');
    expect(steps.find((s) => s.id === 'R-3/inspect')?.state).toBe('complete');
    expect(signatures).toMatchObject([{ signerName: 'Ana Ortiz', meaning: 'verified', provenance: { batchId: 'B-1', fromRunId: 'R-1' } }]);
  });

  it('reopen reopens the step; refused while the step cannot be reopened, and the item stays open', async () => {
    const reviewId = await leftOutSignOff();
    expect(await a.pushOne(resolve(reviewId, 'reopen'))).toMatchObject({ status: 'applied' }); // still to do: nothing to reopen
    const second = await leftOutSecond();
    await a.push(await a.stepOp('start', 'R-3', 'connector', {}));
    expect(await a.pushOne(resolve(second, 'reopen'))).toMatchObject({ status: 'rejected', code: 'invalid_transition' });
    expect((await queue()).map((i) => i.review.id)).toEqual([second]);
  });

  it('a second resolution keeps the first', async () => {
    const reviewId = await leftOutSignOff();
    const first = resolve(reviewId, 'acceptServer');
    await a.pushOne(first);
    const outcome = await b.pushOne({ ...resolve(reviewId, 'applyToRun', 'eng'), stationId: b.stationId });
    expect(outcome).toMatchObject({ status: 'applied', note: `Already resolved by Chen Wei at ${first.at}` });
    const [item] = await queue('u-sup', 'all');
    expect(item?.review.resolution).toMatchObject({ action: 'acceptServer', operationId: first.id });
    expect((await a.step('R-3', 'inspect')).state).toBe('todo');
  });
});

/** A second left-out review, on R-3's connector step (R-3 is out of the batch by now). */
async function leftOutSecond(): Promise<string> {
  await a.push(a.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-3'] }));
  await a.push(await a.stepOp('signOff', 'R-3', 'inspect', { meaning: 'performed', fieldValues: {} }));
  const start = await b.stepOp('start', 'R-1', 'connector', {});
  await a.push(a.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  await b.push(start);
  return `${start.id}~R-3`;
}
