import { mkdtempSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPin, sha256, type PinHashCost } from '../../server/identity/secrets';
import { createRuns } from '../../server/seed/createRuns';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server';
import type { Store } from '../../server/storage/store';
import type { ProcedureVersion } from '../../shared/schemas/procedure';
import { boardV1, boardV2, harness, users } from '../shared/fixtures';

/** A cheap PIN hash for tests: the cost is stored with each hash, so verification follows it. */
export const testPinHashCost: PinHashCost = { iterations: 1000 };
export const testEnrolmentCode = 'TEST-ENROL-CODE';
export const pins: Record<keyof typeof users, { badgeId: string; pin: string }> = {
  tech: { badgeId: '1001', pin: '1111' },
  tech2: { badgeId: '1002', pin: '2222' },
  sup: { badgeId: '2001', pin: '4444' },
  eng: { badgeId: '3001', pin: '5555' },
  admin: { badgeId: '9001', pin: '9999' },
  gone: { badgeId: '1099', pin: '0000' },
};

/** A procedure whose one top-level step has a shared number field with limits. */
export const gauge: ProcedureVersion = {
  id: 'P-900@1',
  procedureId: 'P-900',
  name: 'Gauge check',
  version: 1,
  status: 'released',
  steps: [
    {
      originStepId: 'measure',
      number: '1',
      parentOriginStepId: null,
      title: 'Measure gap',
      instructions: 'Measure the gap with the feeler gauge.',
      fields: [{ id: 'gap', label: 'Gap', kind: 'number', required: true, perUnit: false, unit: 'mm', min: 0.1, max: 0.3 }],
      dependsOn: [],
      buildRequirements: [],
      signoffRole: 'technician',
    },
  ],
};

export const fixtureAt = '2026-11-26T08:00:00.000Z';

/** The test plant: the shared fixtures' users, procedures and runs R-1..R-6 (board), H-1 (harness), G-1, G-2 (gauge). */
export async function seedFixture(store: Store): Promise<void> {
  const hashes = await Promise.all(Object.keys(users).map((who) => hashPin(pins[who as keyof typeof users].pin, testPinHashCost)));
  store.transaction(() => {
    Object.entries(users).forEach(([who, user], i) => { store.identity.addUser(user, pins[who as keyof typeof users].badgeId, hashes[i] ?? '', fixtureAt); });
    store.identity.addEnrolmentCode(sha256(testEnrolmentCode), 100, '2100-01-01T00:00:00.000Z', 'u-admin', fixtureAt);
    [boardV1, boardV2, harness, gauge].forEach((p) => { store.catalog.add(p, fixtureAt); });
    const runs = (procedure: ProcedureVersion, ids: string[]) => { createRuns(store, procedure, ids.map((runId) => ({ runId, title: `${procedure.name} ${runId}`, unitSerial: `SN-${runId}`, at: fixtureAt }))); };
    runs(boardV1, ['R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6']);
    runs(harness, ['H-1']);
    runs(gauge, ['G-1', 'G-2']);
  });
}

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

export function tempDir(prefix = 'lockstep-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * For a test file: a function making fresh temp folders, each removed after the test that made
 * it. Call at the file's top level (it registers an afterEach).
 */
export function tempDirsPerTest(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = tempDir();
    made.push(d);
    return d;
  };
}

/** A real server on a loopback port over a real SQLite file in a fresh temp folder. */
export async function startTestServer(options: Partial<ServerOptions> & { fixture?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    seedRuns: 0,
    logger: false,
    tokenTtlMs: 86_400_000,
    pinHashCost: testPinHashCost,
    ...options,
  });
  if (options.fixture !== false && server.store.isEmpty()) await seedFixture(server.store);
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
