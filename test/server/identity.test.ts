import { afterEach, describe, expect, it } from 'vitest';
import type { EnrolResponse, SignInResponse } from '../../shared/protocol/identity';
import { apiPaths } from '../../shared/protocol/paths';
import type { User } from '../../shared/schemas/users';
import { startTestServer, testEnrolmentCode, type TestServer } from './harness';
import { errorOf, http, StationClient } from './stationClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

async function started(options: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(options);
  return server;
}

describe('station enrolment and tokens', () => {
  it('enrols a station with a code and stores only the hash of its token', async () => {
    const s = await started();
    const reply = await http<EnrolResponse>(`${s.url}${apiPaths.enrol}`, { body: { code: testEnrolmentCode, name: 'Line 1' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ stationId: 'ST-001', nextSeq: 1 });
    expect(reply.body.token).toMatch(/^lst_[A-Za-z0-9_-]{40,}$/);
    const stored = s.store.db.prepare<[], { token_hash: string }>('SELECT token_hash FROM stations').get();
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(reply.body.token);
  });

  it('refuses an unknown, used-up or expired enrolment code', async () => {
    const s = await started();
    const bad = await http(`${s.url}${apiPaths.enrol}`, { body: { code: 'WRONG', name: 'x' } });
    expect(bad.status).toBe(401);
    expect(errorOf(bad).code).toBe('enrolment_code_invalid');
    const station = await StationClient.enrol(s.url);
    const made = await station.post<{ code: string }>(apiPaths.enrolmentCodes, { actorId: 'u-admin', uses: 1 });
    expect(made.status).toBe(201);
    expect((await http(`${s.url}${apiPaths.enrol}`, { body: { code: made.body.code, name: 'a' } })).status).toBe(201);
    const again = await http(`${s.url}${apiPaths.enrol}`, { body: { code: made.body.code, name: 'b' } });
    expect(errorOf(again).code).toBe('enrolment_code_invalid');
  });

  it('lets only a ManageStations holder create enrolment codes, naming the permission', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const reply = await station.post(apiPaths.enrolmentCodes, { actorId: 'u-sup' });
    expect(reply.status).toBe(403);
    expect(errorOf(reply)).toMatchObject({ code: 'permission_denied', permission: 'ManageStations', message: 'Chen Wei does not have the ManageStations permission' });
  });

  it('refuses a missing, malformed, unknown or expired token', async () => {
    let clock = Date.parse('2026-11-26T08:00:00Z');
    const s = await started({ now: () => new Date(clock), tokenTtlMs: 60_000 });
    const station = await StationClient.enrol(s.url);
    const runs = `${s.url}${apiPaths.runs}`;
    expect(errorOf(await http(runs))).toMatchObject({ code: 'token_missing' });
    expect(errorOf(await http(runs, { token: '' }))).toMatchObject({ code: 'token_invalid' });
    expect(errorOf(await http(runs, { token: 'lst_not-a-token' }))).toMatchObject({ code: 'token_invalid' });
    expect((await station.get(apiPaths.runs)).status).toBe(200);
    clock += 61_000;
    const expired = await station.get(apiPaths.runs);
    expect(expired.status).toBe(401);
    expect(errorOf(expired).code).toBe('token_expired');
    expect(errorOf(await station.pushEntries([{ seq: 1, op: {} }])).code).toBe('token_expired');
  });
});

describe('user sign-in with badge and PIN', () => {
  const signIn = (station: StationClient, badgeId: string, pin: string) => station.post<SignInResponse>(apiPaths.sessions, { badgeId, pin });

  it('signs a user in and hands the station what it needs to check the PIN offline', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const reply = await signIn(station, '1001', '1111');
    expect(reply.status).toBe(200);
    expect(reply.body.user).toEqual({ id: 'u-tech', name: 'Ana Ortiz', role: 'technician', active: true });
    expect(reply.body.verifier).toMatchObject({ algorithm: 'pbkdf2-sha256', iterations: 1000, keyLength: 32 });
    expect(JSON.stringify(reply.body)).not.toContain('"1111"');
    const stored = s.store.db.prepare<[], { pin_hash: string }>("SELECT pin_hash FROM users WHERE id = 'u-tech'").get();
    expect(stored?.pin_hash).toMatch(/^pbkdf2-sha256\$1000\$/);
  });

  it('gives the same refusal for a wrong PIN and an unknown badge', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const wrong = await signIn(station, '1001', '9999');
    const unknown = await signIn(station, '7777', '1111');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(errorOf(wrong).code).toBe('bad_credentials');
  });

  it('locks a badge after five wrong PINs', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    for (let i = 0; i < 5; i++) await signIn(station, '1002', '0001');
    const locked = await signIn(station, '1002', '2222');
    expect(locked.status).toBe(429);
    expect(errorOf(locked).code).toBe('too_many_attempts');
    expect((await signIn(station, '1001', '1111')).status).toBe(200);
  });

  it('refuses a deactivated user who knows their PIN', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const reply = await signIn(station, '1099', '0000');
    expect(reply.status).toBe(403);
    expect(errorOf(reply).code).toBe('permission_denied');
  });

  it('refuses a PIN that is not digits', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const reply = await signIn(station, '1001', 'abcd');
    expect(errorOf(reply)).toMatchObject({ code: 'invalid_input', issues: [{ path: 'pin' }] });
  });
});

describe("users' public profiles", () => {
  it('lists users without badges or PIN material', async () => {
    const s = await started();
    const station = await StationClient.enrol(s.url);
    const list = await station.get<{ items: User[] }>(apiPaths.users);
    expect(list.body.items.map((u) => u.id).sort()).toEqual(['u-admin', 'u-eng', 'u-gone', 'u-sup', 'u-tech', 'u-tech2']);
    for (const user of list.body.items) expect(Object.keys(user).sort()).toEqual(['active', 'id', 'name', 'role']);
    expect((await station.get<User>('/v1/users/u-eng')).body).toEqual({ id: 'u-eng', name: 'Dana Levi', role: 'engineer', active: true });
  });
});
