import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import { startTestServer, type TestServer } from './harness';
import { errorOf, http, StationClient } from './stationClient';

let server: TestServer;
let station: StationClient;

beforeAll(async () => {
  server = await startTestServer({ bodyLimit: 64 * 1024 });
  station = await StationClient.enrol(server.url);
});
afterAll(async () => {
  await server.dispose();
});

/** What must not move when a request is refused. */
const snapshot = () =>
  server.store.db
    .prepare<[], { feed: number; ops: number; next: number }>(
      `SELECT (SELECT COUNT(*) FROM feed) AS feed, (SELECT COUNT(*) FROM operations) AS ops,
              (SELECT next_seq FROM stations WHERE id = '${station.stationId}') AS next`,
    )
    .get();

const pushRaw = (raw: string, contentType = 'application/json') => http(`${server.url}${apiPaths.push}`, { token: station.token, raw, contentType });

describe('bad input: a 4xx with a stable code, nothing changed, the server still serving', () => {
  const validOp = async () => station.stepOp('start', 'R-1', 'inspect', {});

  it.each([
    ['malformed JSON', '{"entries": [', 'invalid_json', 400],
    ['an empty body', '', 'invalid_json', 400],
    ['a JSON array instead of an object', '[]', 'invalid_input', 400],
    ['entries of the wrong type', '{"entries": "lots"}', 'invalid_input', 400],
    ['a sequence number that is not a number', '{"entries": [{"seq": "one", "op": {}}]}', 'invalid_input', 400],
    ['no entries', '{"entries": []}', 'invalid_input', 400],
    ['a __proto__ key', '{"entries": [], "__proto__": {"x": 1}}', 'invalid_json', 400],
  ])('%s', async (_name, raw, code, status) => {
    const before = snapshot();
    const reply = await pushRaw(raw);
    expect(reply.status).toBe(status);
    expect(errorOf(reply).code).toBe(code);
    expect(errorOf(reply).message.length).toBeGreaterThan(10);
    expect(snapshot()).toEqual(before);
  });

  it('names the field at fault', async () => {
    const reply = await pushRaw('{"entries": [{"seq": 0, "op": {}}]}');
    expect(errorOf(reply)).toMatchObject({ code: 'invalid_input', issues: [{ path: 'entries.0.seq' }] });
  });

  it('refuses a non-JSON content type', async () => {
    const before = snapshot();
    const reply = await pushRaw('entries=1', 'text/plain');
    expect(reply.status).toBe(415);
    expect(errorOf(reply).code).toBe('unsupported_media_type');
    expect(snapshot()).toEqual(before);
  });

  /** A station of its own, so the sequence numbers these pushes take do not disturb the others. */
  const ownStation = () => StationClient.enrol(server.url, 'version skew');
  const stepBody = (id: string) => server.store.db.prepare<[string], { body: string }>('SELECT body FROM run_steps WHERE id = ?').get(id)?.body;

  it('answers an unknown operation kind with a rejection naming the field, and applies the entries after it', async () => {
    const own = await ownStation();
    const first = await own.stepOp('start', 'R-3', 'inspect', {});
    const unknown = { ...(await own.stepOp('start', 'R-3', 'inspect', {})), kind: 'teleport' };
    const after = await own.stepOp('start', 'R-2', 'inspect', {});
    const reply = await own.pushEntries([{ seq: 1, op: first }, { seq: 2, op: unknown }, { seq: 3, op: after }]);
    expect(reply.status).toBe(200);
    const results = (reply.body).results;
    expect(results.map((r) => r.outcome.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]?.outcome).toMatchObject({ code: 'invalid_input', reason: expect.stringContaining('kind') as string });
    expect((reply.body).nextSeq).toBe(4);
  });

  it('answers an operation with wrong types with a rejection and changes no row', async () => {
    const own = await ownStation();
    const before = stepBody('R-4/inspect');
    const op = { ...(await own.stepOp('start', 'R-4', 'inspect', {})), seen: { stepVersion: 'zero', batchId: null, batchMembers: [] } };
    const reply = await own.pushEntries([{ seq: 1, op }]);
    expect(reply.status).toBe(200);
    expect((reply.body).results[0]?.outcome).toMatchObject({
      status: 'rejected',
      code: 'invalid_input',
      reason: expect.stringContaining('seen.stepVersion') as string,
    });
    expect(stepBody('R-4/inspect')).toBe(before);
  });

  it('answers an operation missing its reason with a rejection that says so', async () => {
    const own = await ownStation();
    const op = await own.stepOp('fail', 'R-1', 'inspect', { reason: 'x' });
    const reply = await own.pushEntries([{ seq: 1, op: { ...op, reason: '   ' } }]);
    expect((reply.body).results[0]?.outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('a reason is required') as string });
  });

  it('refuses the whole push when an entry cannot even be identified, naming the entry and field', async () => {
    const before = snapshot();
    const reply = await station.pushEntries([{ seq: 1, op: await validOp() }, { seq: 2, op: { kind: 'start' } }]);
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'invalid_operation', issues: expect.arrayContaining([{ path: 'entries.1.op.id', message: expect.any(String) as string }]) as unknown });
    expect(snapshot()).toEqual(before);
  });

  it('refuses sequence numbers out of order within a push', async () => {
    const before = snapshot();
    const reply = await station.pushEntries([{ seq: 2, op: await validOp() }, { seq: 1, op: await validOp() }]);
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('invalid_input');
    expect(errorOf(reply).message).toContain('consecutive');
    expect(snapshot()).toEqual(before);
  });

  it('refuses more operations than one push may carry', async () => {
    const op = await validOp();
    const reply = await station.pushEntries(Array.from({ length: 501 }, (_, i) => ({ seq: i + 1, op: { ...op, id: `bulk-${String(i)}` } })));
    expect([400, 413]).toContain(reply.status);
    expect(['invalid_input', 'body_too_large']).toContain(errorOf(reply).code);
  });

  it('refuses an oversized body with 413', async () => {
    const before = snapshot();
    const reply = await pushRaw(JSON.stringify({ entries: [{ seq: 1, op: { padding: 'x'.repeat(100 * 1024) } }] }));
    expect(reply.status).toBe(413);
    expect(errorOf(reply).code).toBe('body_too_large');
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ['an unknown route', '/v1/nothing', 404, 'route_not_found'],
    ['an unknown run', '/v1/runs/R-404', 404, 'unknown_run'],
    ['an unknown batch', '/v1/batches/B-404', 404, 'unknown_batch'],
    ['an unknown procedure', '/v1/procedures/P-404@1', 404, 'unknown_procedure'],
    ['an unknown user', '/v1/users/u-404', 404, 'unknown_user'],
    ['a bad status filter', '/v1/runs?status=sleeping', 400, 'invalid_input'],
    ['a bad sort key', '/v1/runs?sort=colour', 400, 'invalid_input'],
    ['a limit too large', '/v1/runs?limit=100000', 400, 'invalid_input'],
    ['a forged cursor', '/v1/runs?cursor=bm90LWEtY3Vyc29y', 400, 'invalid_input'],
    ['a negative pull cursor', '/v1/sync/pull?since=-1', 400, 'invalid_input'],
    ['a pull limit of text', '/v1/sync/pull?limit=many', 400, 'invalid_input'],
  ])('%s', async (_name, path, status, code) => {
    const reply = await station.get(path);
    expect(reply.status).toBe(status);
    expect(errorOf(reply).code).toBe(code);
  });

  it('is still healthy after all of that', async () => {
    const reply = await http<{ ok: boolean }>(`${server.url}${apiPaths.health}`);
    expect(reply.body.ok).toBe(true);
    expect((await station.push(await validOp())).results[0]?.outcome.status).toBe('applied');
  });
});
