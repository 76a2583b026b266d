import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../server/storage/store';
import { apiPaths } from '../../shared/protocol/paths';
import { startTestServer, tempDir, type TestServer } from './harness';
import { http } from './stationClient';

/** A plant server starts empty (--no-demo): the admin command adds the first people and enrolment codes. */
describe('npm run admin', () => {
  const dirs: string[] = [];
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.dispose();
    server = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const admin = (dataDir: string, args: string[], stdin = '') =>
    spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/admin.ts', ...args, '--data', dataDir], { input: stdin, encoding: 'utf8' });

  it('adds a person (PIN from stdin) and an enrolment code; a station enrols and the person signs in', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    Store.open(dataDir).close();
    const added = admin(dataDir, ['add-user', '--id', 'u-1', '--name', 'Rosa Diaz', '--role', 'supervisor', '--badge', '7001'], '482913\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added Rosa Diaz (u-1, supervisor).');
    const coded = admin(dataDir, ['enrolment-code', '--uses', '40']);
    const code = /Enrolment code (\S+)/.exec(coded.stdout)?.[1] ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    server = await startTestServer({ dataDir, fixture: false });
    const enrol = await http<{ token: string }>(`${server.url}${apiPaths.enrol}`, { body: { code, name: 'Line 1' } });
    expect(enrol.status).toBe(201);
    const signIn = await http<{ user: { name: string } }>(`${server.url}${apiPaths.sessions}`, { token: enrol.body.token, body: { badgeId: '7001', pin: '482913' } });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.name).toBe('Rosa Diaz');
    const pull = await http<{ changes: { entity: string; row: unknown }[] }>(`${server.url}${apiPaths.pull}?since=0`, { token: enrol.body.token });
    expect(pull.body.changes).toContainEqual(expect.objectContaining({ entity: 'user', row: { id: 'u-1', name: 'Rosa Diaz', role: 'supervisor', active: true } }));
    // Two CLI processes (tsx start-up each) and two 600,000-iteration PIN hashes: seconds on a busy machine.
  }, 60_000);

  it('refuses bad input with a clear message and changes nothing', () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    Store.open(dataDir).close();
    const badRole = admin(dataDir, ['add-user', '--id', 'u-2', '--name', 'X', '--role', 'boss', '--badge', '1'], '1234');
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toContain('role');
    const badPin = admin(dataDir, ['add-user', '--id', 'u-2', '--name', 'X', '--role', 'technician', '--badge', '1'], '12');
    expect(badPin.stderr).toContain('A PIN is 4 to 12 digits');
    const unknown = admin(dataDir, ['deactivate-user', '--id', 'nobody']);
    expect(unknown.stderr).toContain('User nobody does not exist');
    const store = Store.open(dataDir);
    expect(store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()?.n).toBe(0);
    store.close();
  });
});
