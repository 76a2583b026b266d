import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { startChildServer } from '../server/childServer';
import { buildBenchModule } from './benchModule';
import { summariseProfile, type CpuProfile } from './cpuProfile';
import type { Row } from './measure';
import { pageNow, readSyncTrace, summariseTrace, traceSyncMessages } from './syncTrace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stationOut = join(root, '.artifacts', process.env['CATCHUP_OUT'] ?? 'catchup-station');
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// The sizes; CATCHUP_RUNS and CATCHUP_OPERATIONS scale them down to look into one phase.
const runs = Number(process.env['CATCHUP_RUNS'] ?? 100_000);
const operations = Number(process.env['CATCHUP_OPERATIONS'] ?? 10_000);
const pollMs = 200;
// CATCHUP_PROFILE=1: where the drain's time went — the page↔worker messages, a CPU profile of the
// page (it commits the pages) and one of the server, written under the output dir and summarised.
const profiling = process.env['CATCHUP_PROFILE'] === '1';
const profileDir = join(root, '.artifacts', 'catchup-profile');

/** What the in-page module (browser/catchUpPage.ts) offers once imported into the station's page. */
interface CatchUpPage {
  queueOperations(count: number, actorId: string): Promise<number>;
  progress(): Promise<{ cursor: number; waiting: boolean }>;
  counts(): Promise<{ waiting: number; runs: number }>;
  rawRunsWrite(): Promise<{ ms: number; rows: number }>;
  rawBootstrapWrite(): Promise<{ ms: number; rows: number }>;
  rawDrainWrite(): Promise<{ ms: number; rows: number }>;
  stationRunsCommit(): Promise<{ ms: number; rows: number }>;
}

/** The station build the server serves, plus the benchmark's module beside it under /bench/. */
async function buildStation(): Promise<void> {
  // Profiled, the code keeps its names, so the profile says which function took the time.
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: stationOut, emptyOutDir: true, minify: !profiling } });
  await buildBenchModule(stationOut, 'catchUpPage.ts', { format: 'es', fileName: 'catchUp.js' });
}

/** Where the server serves the benchmark's module; imported inside the station's page. */
const benchModule = '/bench/catchUp.js';

const progressOf = (page: Page) => page.evaluate(async (path) => ((await import(path)) as CatchUpPage).progress(), benchModule);
const countsOf = (page: Page) => page.evaluate(async (path) => ((await import(path)) as CatchUpPage).counts(), benchModule);

async function head(url: string): Promise<number> {
  const reply = await fetch(`${url}/v1/health`);
  return ((await reply.json()) as { head: number }).head;
}

/** Polls until the station holds the server's head with nothing waiting; returns when that was first seen. */
async function caughtUp(page: Page, url: string, limitMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [state, serverHead] = await Promise.all([progressOf(page), head(url)]);
    if (!state.waiting && state.cursor >= serverHead && serverHead > 0) return performance.now();
    if (performance.now() - started > limitMs) throw new Error(`not caught up after ${String(limitMs)} ms: ${JSON.stringify({ ...state, serverHead })}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Catch-up of a new station against a real server: the server process (a SQLite file, 100,000
 * runs seeded), a station in Debian's Chromium on the built renderer the server serves. Measures
 * the bootstrap of the whole cache from an empty IndexedDB (Connect clicked → cursor at the
 * feed's head), then 10,000 operations saved offline through the station's own enqueue, drained
 * from going online to convergence (outbox empty, cursor at head). One sample: each takes
 * seconds, and the bootstrap happens once per station by its nature.
 */
export async function catchUp(): Promise<Row[]> {
  // CATCHUP_PREBUILT=1 reuses the last build in the output dir (to look into one phase again).
  if (process.env['CATCHUP_PREBUILT'] !== '1') await buildStation();
  const data = mkdtempSync(join(tmpdir(), 'lockstep-catchup-'));
  if (profiling) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const nodeArgs = profiling ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const server = await startChildServer(['--data', data, '--seed-runs', String(runs), '--station', stationOut], 600_000, nodeArgs);
  let drainMs = 0;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumFlags });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    if (profiling) await traceSyncMessages(page);
    page.on('pageerror', (error) => { console.error(`catch-up page error: ${error.message}`); });
    page.on('console', (message) => { if (message.type() === 'error') console.error(`catch-up page console: ${message.text()}`); });
    await page.goto('/');
    await page.getByLabel('Enrolment code').fill('LOCKSTEP-DEMO');
    await page.getByLabel('Station name').fill('Catch-up bench');
    const bootStarted = performance.now();
    await page.getByRole('button', { name: 'Connect' }).click();
    // Enrolling reloads the page into the enrolled station, which asks who signs in.
    await page.getByLabel('Badge').waitFor({ timeout: 120_000 });
    // Profiled, the enrolled station's page is profiled from its sign-in screen to the head.
    const bootCdp = profiling ? await context.newCDPSession(page) : null;
    if (bootCdp) {
      await bootCdp.send('Profiler.enable');
      await bootCdp.send('Profiler.start');
    }
    const bootDone = await caughtUp(page, server.url, 300_000);
    console.error(`catch-up: bootstrap ${String(Math.round(bootDone - bootStarted))} ms`);
    if (bootCdp) {
      const { profile } = await bootCdp.send('Profiler.stop');
      await bootCdp.detach();
      writeFileSync(join(profileDir, 'bootstrap-page.cpuprofile'), JSON.stringify(profile));
      // The bootstrap's pages: the enrolled station's page (after the reload) from its start.
      console.error(['Bootstrap, the enrolled station\'s page from its start:', ...summariseTrace(await readSyncTrace(page), 0)].join('\n'));
      console.error(summariseProfile(profile as CpuProfile, 'Station page during the bootstrap').join('\n'));
    }
    const cached = await countsOf(page);
    if (cached.runs < runs) throw new Error(`the cache holds ${String(cached.runs)} runs, not the ${String(runs)} seeded`);
    // One record per run: the same runs written straight into a fresh IndexedDB as rows (same indexes, pages of 2,000).
    const floor = await page.evaluate(async (path) => ((await import(path)) as CatchUpPage).rawRunsWrite(), benchModule);
    console.error(`catch-up: raw IndexedDB write of the ${String(floor.rows)} run rows ${String(Math.round(floor.ms))} ms`);
    // The whole cache the bootstrap left (every store, the demo plant's rows too), the same way.
    const bootstrapFloor = await page.evaluate(async (path) => ((await import(path)) as CatchUpPage).rawBootstrapWrite(), benchModule);
    console.error(`catch-up: raw IndexedDB write of all ${String(bootstrapFloor.rows)} rows the bootstrap stored ${String(Math.round(bootstrapFloor.ms))} ms`);
    // Between the two: the station's store committing the same rows, without network or worker.
    const commit = await page.evaluate(async (path) => ((await import(path)) as CatchUpPage).stationRunsCommit(), benchModule);
    console.error(`catch-up: the station's commit (applyServerPage) of the same rows ${String(Math.round(commit.ms))} ms`);

    await context.setOffline(true);
    const queueStarted = performance.now();
    const queued = await page.evaluate(
      async ([path, count, actor]) => ((await import(path)) as CatchUpPage).queueOperations(count, actor),
      [benchModule, operations, 'u-chen'] as const,
    );
    const { waiting } = await countsOf(page);
    if (queued !== operations || waiting !== operations) throw new Error(`queued ${String(queued)}, ${String(waiting)} waiting; wanted ${String(operations)}`);
    console.error(`catch-up: ${String(queued)} operations queued offline in ${String(Math.round(performance.now() - queueStarted))} ms`);
    const cdp = profiling ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const drainFrom = profiling ? await pageNow(page) : 0;
    const drainStarted = performance.now();
    await context.setOffline(false);
    const drainDone = await caughtUp(page, server.url, Number(process.env['CATCHUP_DRAIN_LIMIT_MS'] ?? 600_000));
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'drain-page.cpuprofile'), JSON.stringify(profile));
      const trace = await readSyncTrace(page);
      writeFileSync(join(profileDir, 'drain-trace.json'), JSON.stringify({ from: drainFrom, trace }));
      console.error(summariseTrace(trace, drainFrom).join('\n'));
      console.error(summariseProfile(profile as CpuProfile, 'Station page during the drain').join('\n'));
    }

    // The rows the drain left (its operations' outcomes and audit rows, the steps they changed).
    const drainFloor = await page.evaluate(async (path) => ((await import(path)) as CatchUpPage).rawDrainWrite(), benchModule);
    console.error(`catch-up: raw IndexedDB write of the ${String(drainFloor.rows)} rows the drain stored ${String(Math.round(drainFloor.ms))} ms`);
    const floorMs = bootstrapFloor.ms + drainFloor.ms;

    const bootstrap = Math.round(bootDone - bootStarted);
    const drain = Math.round(drainDone - drainStarted);
    drainMs = drain;
    const total = bootstrap + drain;
    const one = (figure: string, value: number, target: string, met: boolean | null): Row => ({
      figure,
      unit: 'ms',
      median: value,
      spread: [value, value],
      repeats: 1,
      target,
      met,
    });
    return [
      {
        ...one(`Catch-up: ${runs.toLocaleString('en')}-run cache bootstrap, empty IndexedDB to head (Chromium)`, bootstrap, 'part of the total', null),
        reference: { figure: 'raw IndexedDB write of its runs, one record each', median: Math.round(floor.ms), ratio: bootstrap / floor.ms },
      },
      one(`Catch-up: ${operations.toLocaleString('en')} offline operations drained to convergence (Chromium)`, drain, 'part of the total', null),
      {
        ...one('Catch-up total: bootstrap + drain (real server, Chromium)', total, '≤ 10 s', total <= 10_000 && runs >= 100_000 && operations >= 10_000),
        reference: { figure: `raw IndexedDB write of every row it stored (${(bootstrapFloor.rows + drainFloor.rows).toLocaleString('en')})`, median: Math.round(floorMs), ratio: total / floorMs },
      },
    ];
  } finally {
    await browser.close();
    server.process.kill();
    await server.exited;
    const serverProfile = profiling ? readdirSync(profileDir).find((f) => f.startsWith('CPU')) : undefined;
    if (serverProfile) {
      const profile = JSON.parse(readFileSync(join(profileDir, serverProfile), 'utf8')) as CpuProfile;
      // The drain ended just before the server was stopped: its last seconds, with a little slack.
      console.error(summariseProfile(profile, 'Server process, the drain', drainMs + 1000).join('\n'));
    }
    rmSync(data, { recursive: true, force: true });
  }
}
