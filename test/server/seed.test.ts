import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config';
import { seedBenchRuns } from '../../server/seed/benchRuns';
import { demoProcedures } from '../../server/seed/demoProcedures';
import { demoEnrolmentCode, demoUsers } from '../../server/seed/demoUsers';
import { Store } from '../../server/storage/store';
import type { EnrolResponse, SignInResponse } from '../../shared/protocol/identity';
import { apiPaths } from '../../shared/protocol/paths';
import type { RunsPage } from '../../shared/protocol/reads';
import { ProcedureVersion } from '../../shared/schemas/procedure';
import { startTestServer, tempDir, type TestServer } from './harness';
import { http } from './stationClient';

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.dispose();
  server = undefined;
  dirs.splice(0).forEach((d) => { rmSync(d, { recursive: true, force: true }); });
});

describe('demo plant', () => {
  it('has released procedures of 20 to 60 steps with nesting, limits, per-unit fields, parts and roles', () => {
    const procedures = demoProcedures();
    expect(procedures.length).toBeGreaterThanOrEqual(4);
    for (const p of procedures) {
      expect(ProcedureVersion.safeParse(p).success).toBe(true);
      expect(p.status).toBe('released');
      expect(p.steps.length).toBeGreaterThanOrEqual(20);
      expect(p.steps.length).toBeLessThanOrEqual(60);
      expect(p.steps.some((s) => s.parentOriginStepId !== null)).toBe(true);
    }
    const steps = procedures.flatMap((p) => p.steps);
    expect(steps.some((s) => s.fields.some((f) => f.min !== undefined && f.max !== undefined))).toBe(true);
    expect(steps.some((s) => s.fields.some((f) => f.perUnit))).toBe(true);
    expect(steps.some((s) => s.buildRequirements.length > 0)).toBe(true);
    expect(new Set(steps.map((s) => s.signoffRole))).toEqual(new Set(['technician', 'supervisor', 'engineer']));
  });

  it('seeds an empty database on first start, through real operations, and signs in its documented users', async () => {
    server = await startTestServer({ demo: true, fixture: false });
    const db = server.store.db;
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
    expect(count('SELECT COUNT(*) AS n FROM runs')).toBe(300);
    expect(count('SELECT COUNT(DISTINCT status) AS n FROM runs')).toBeGreaterThanOrEqual(5);
    expect(count('SELECT COUNT(*) AS n FROM batches')).toBeGreaterThanOrEqual(5);
    expect(count("SELECT COUNT(*) AS n FROM operations WHERE status = 'applied'")).toBeGreaterThan(1000);
    expect(count("SELECT COUNT(*) AS n FROM operations WHERE status = 'rejected'")).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM operations WHERE needs_review = 1')).toBeGreaterThan(0);
    // Open review items for the supervisor screens: stale fails, and a run left out of a batched hold.
    const kinds = server.store.review.items(false).map((i) => i.review.kind);
    expect(kinds.filter((k) => k === 'stale_step').length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain('left_out');
    expect(count('SELECT COUNT(*) AS n FROM signatures WHERE body LIKE \'%"provenance":{%\'')).toBeGreaterThan(0);
    expect(new Set(demoUsers.map((u) => u.role))).toEqual(new Set(['technician', 'supervisor', 'engineer', 'admin']));

    const enrolled = await http<EnrolResponse>(`${server.url}${apiPaths.enrol}`, { body: { code: demoEnrolmentCode, name: 'Demo' } });
    expect(enrolled.status).toBe(201);
    for (const user of demoUsers.filter((u) => u.active)) {
      const reply = await http<SignInResponse>(`${server.url}${apiPaths.sessions}`, { token: enrolled.body.token, body: { badgeId: user.badgeId, pin: user.pin } });
      expect(reply.body.user.name).toBe(user.name);
    }
    const failed = await http<RunsPage>(`${server.url}${apiPaths.runs}?status=failed`, { token: enrolled.body.token });
    expect(failed.body.total).toBeGreaterThan(0);
   }, 30_000);

  it('does not seed again when the database already has data', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const head = first.store.feed.head();
    await first.close();
    server = await startTestServer({ demo: true, fixture: false, dataDir });
    expect(server.store.feed.head()).toBe(head);
    expect(server.store.identity.users().map((u) => u.id)).not.toContain('u-ana');
  });
});

describe('--seed-runs', () => {
  it('adds numbered runs with their steps, and a feed entry per run, after any earlier ones', () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const store = Store.open(dataDir);
    try {
      seedBenchRuns(store, 1200, new Date('2026-11-26T08:00:00Z'));
      seedBenchRuns(store, 10, new Date('2026-11-26T08:00:00Z'));
      const ids = store.db.prepare<[], { id: string }>("SELECT id FROM runs ORDER BY id DESC LIMIT 1").get();
      expect(ids?.id).toBe('BR-0001210');
      const runs = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM runs').get()?.n;
      const steps = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM run_steps').get()?.n ?? 0;
      expect(runs).toBe(1210);
      expect(steps).toBe(1210 * 20);
      const procedures = store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM procedures').get()?.n ?? 0;
      // One feed entry per run: its pristine steps are derived by the stations, not sent.
      expect(store.feed.head()).toBe(procedures + 1210);
    } finally {
      store.close();
    }
  });
});

describe('command line', () => {
  it('documents defaults and refuses bad values clearly', () => {
    expect(parseConfig([])).toMatchObject({ port: 4650, host: '127.0.0.1', dataDir: './data', demo: true, seedRuns: 0 });
    expect(parseConfig(['--port', '0', '--data', '/tmp/x', '--no-demo', '--seed-runs', '100000'])).toMatchObject({ port: 0, dataDir: '/tmp/x', demo: false, seedRuns: 100000 });
    expect(parseConfig(['--station', 'dist/renderer'])).toMatchObject({ stationDir: 'dist/renderer' });
    expect(parseConfig([])).not.toHaveProperty('stationDir');
    expect(() => parseConfig(['--port', 'http'])).toThrow('--port must be a whole number');
    expect(() => parseConfig(['--colour'])).toThrow();
    expect(parseConfig(['--help'])).toEqual({ help: true });
  });
});
