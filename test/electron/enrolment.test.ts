import { describe, expect, it } from 'vitest';
import type { EnrolInput } from '../../shared/bridge/contract';
import type { FetchLike, ResponseLike } from '../../shared/sync/httpTransport';
import { enrolStation, normalizeServerUrl } from '../../electron/enrolment';

const input: EnrolInput = { serverUrl: 'http://10.0.0.5:4650/', code: 'ABCD-1234', name: 'Line 2, bench 3' };
const now = () => new Date('2026-11-26T08:00:00.000Z');

function server(status: number, body: unknown) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, init });
    const response: ResponseLike = { status, json: () => Promise.resolve(body), body: null };
    return Promise.resolve(response);
  };
  return { calls, fetch };
}

const enrolled = { stationId: 'S-7', token: 'st_secret', expiresAt: '2027-11-26T08:00:00.000Z', nextSeq: 1 };

describe('enrolment', () => {
  it('posts the code and name to the server’s enrol endpoint and returns the station to store', async () => {
    const { calls, fetch } = server(201, enrolled);
    expect(await enrolStation(input, { fetch, now })).toEqual({
      ok: true,
      value: {
        serverUrl: 'http://10.0.0.5:4650',
        stationId: 'S-7',
        stationName: 'Line 2, bench 3',
        token: 'st_secret',
        tokenExpiresAt: '2027-11-26T08:00:00.000Z',
        nextSeq: 1,
        enrolledAt: '2026-11-26T08:00:00.000Z',
      },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://10.0.0.5:4650/v1/stations/enrol');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ code: 'ABCD-1234', name: 'Line 2, bench 3' });
  });

  it('passes the server’s refusal on with its code and sentence', async () => {
    const { fetch } = server(403, { error: { code: 'enrolment_code_invalid', message: 'This enrolment code is unknown, used up or expired' } });
    expect(await enrolStation(input, { fetch, now })).toEqual({
      ok: false,
      error: { code: 'enrolment_code_invalid', message: 'This enrolment code is unknown, used up or expired' },
    });
  });

  it('says when the server cannot be reached', async () => {
    const fetch: FetchLike = () => Promise.reject(new Error('ECONNREFUSED'));
    expect(await enrolStation(input, { fetch, now })).toMatchObject({ ok: false, error: { code: 'server_unreachable', message: expect.stringContaining('ECONNREFUSED') as string } });
  });

  it('does not store an answer it cannot read, or one from something that is not a Lockstep server', async () => {
    expect(await enrolStation(input, { ...server(200, { hello: 'world' }), now })).toMatchObject({ ok: false, error: { code: 'bad_response' } });
    expect(await enrolStation(input, { ...server(502, '<html>bad gateway</html>'), now })).toMatchObject({ ok: false, error: { code: 'http_502' } });
    expect(await enrolStation(input, { ...server(200, { ...enrolled, nextSeq: 0 }), now })).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });

  it('never sends the code to an address it refuses', async () => {
    const { calls, fetch } = server(201, enrolled);
    expect(await enrolStation({ ...input, serverUrl: 'http://admin:pw@10.0.0.5:4650' }, { fetch, now })).toMatchObject({ ok: false, error: { code: 'invalid_server_url' } });
    expect(calls).toEqual([]);
  });
});

describe('server addresses', () => {
  it.each([
    ['http://10.0.0.5:4650', 'http://10.0.0.5:4650'],
    ['http://10.0.0.5:4650/', 'http://10.0.0.5:4650'],
    ['HTTPS://Lockstep.Plant.Example/', 'https://lockstep.plant.example'],
    ['https://plant.example/lockstep//', 'https://plant.example/lockstep'],
    ['https://plant.example:443/', 'https://plant.example'],
  ])('keeps %j as %j', (raw, kept) => {
    expect(normalizeServerUrl(raw)).toEqual({ ok: true, value: kept });
  });

  it.each(['ftp://plant.example', 'javascript:alert(1)', 'http://user:pw@plant.example', 'https://plant.example/?a=1', 'https://plant.example/#x', 'plant.example:4650', '/v1'])(
    'refuses %j',
    (raw) => {
      expect(normalizeServerUrl(raw)).toMatchObject({ ok: false, error: { code: 'invalid_server_url' } });
    },
  );
});
