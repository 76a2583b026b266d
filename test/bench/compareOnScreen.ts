// `npm run bench:compare-onscreen -- --base <built renderer dir>`: the on-screen bench's hold and
// release, on this checkout's renderer and on another build (say the commit before a change), in
// two pages of one Chromium, sampled alternately: the machine is shared, so only interleaved
// samples compare fairly. Prints both medians, and where this checkout's time goes between the
// click and the screen from any `lockstep:` performance marks the code sets (none are committed:
// add them while looking). `--profile`: an unminified build and a CPU profile of this checkout's
// page over the measured samples, self time by function.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { percentile } from './measure';
import { chromiumFlags, holdAndRelease, holdThenRelease, openBatchedRun } from './signOffOnScreen.bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values } = parseArgs({ options: { base: { type: 'string' }, pairs: { type: 'string' }, profile: { type: 'boolean' } } });
const config = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const pairs = Number(values.pairs ?? 20);
const outDir = resolve('.artifacts/compare-onscreen/renderer');
// The on-screen bench's port for this checkout, the e2e port for the other build.
const ports = { mine: 4190, base: 4873 };

await build({ configFile: config, logLevel: 'warn', build: { outDir, minify: values.profile !== true } });
const servers: PreviewServer[] = [await preview({ configFile: config, logLevel: 'warn', build: { outDir }, preview: { port: ports.mine, strictPort: true } })];
if (values.base !== undefined) servers.push(await preview({ configFile: config, logLevel: 'warn', build: { outDir: resolve(values.base) }, preview: { port: ports.base, strictPort: true } }));
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumFlags });

/** The `lockstep:` marks set since the last call, in ms after the click that started the sample. */
async function takeMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const clicked = (window as unknown as { __onScreen?: { clicked?: number } }).__onScreen?.clicked ?? 0;
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('lockstep:')) marks[m.name.slice(9)] ??= m.startTime - clicked;
    performance.clearMarks();
    return marks;
  });
}

try {
  const mine = await openBatchedRun(browser, `http://127.0.0.1:${String(ports.mine)}/`);
  const base = values.base === undefined ? null : await openBatchedRun(browser, `http://127.0.0.1:${String(ports.base)}/`);
  // Warm-up, not counted: the first changes compile the code paths.
  for (let i = 0; i < 2; i++) {
    await holdAndRelease(mine);
    if (base) await holdAndRelease(base);
  }
  await takeMarks(mine);
  const cdp = values.profile === true ? await mine.context().newCDPSession(mine) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const times = { mine: [] as number[], base: [] as number[] };
  const phases = new Map<string, number[]>();
  for (let i = 0; i < pairs; i++) {
    // Which page goes first alternates too, so neither always follows the other's work.
    if (base && i % 2 === 1) times.base.push(...(await holdAndRelease(base)));
    for (const action of holdThenRelease) {
      times.mine.push(await action(mine));
      for (const [name, at] of Object.entries(await takeMarks(mine))) phases.set(name, [...(phases.get(name) ?? []), at]);
    }
    if (base && i % 2 === 0) times.base.push(...(await holdAndRelease(base)));
  }
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    mkdirSync('.artifacts/compare-onscreen', { recursive: true });
    writeFileSync('.artifacts/compare-onscreen/mine.cpuprofile', JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)?.callFrame;
      if (!frame) return;
      const key = `${frame.functionName || '(anonymous)'}  ${frame.url.replace(/^.*\/assets\//, '')}:${String(frame.lineNumber + 1)}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log(`CPU profile of this checkout's page over ${String(pairs)} pairs (${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms), self time:`);
    for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
  }
  const summary = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${percentile(s, 50).toFixed(1)} ms (p10 ${percentile(s, 10).toFixed(1)}, p90 ${percentile(s, 90).toFixed(1)}), ${String(s.length)} samples`;
  };
  console.log(`this checkout: ${summary(times.mine)}`);
  for (const [name, at] of phases) console.log(`  mark ${name}: ${summary(at)} after the click`);
  if (base) console.log(`base (${values.base ?? ''}): ${summary(times.base)}`);
} finally {
  await browser.close();
  for (const server of servers) await new Promise<void>((done) => server.httpServer.close(() => { done(); }));
}
