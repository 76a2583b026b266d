import { readFileSync, rmSync } from 'node:fs';
import { apiPaths } from '../../shared/protocol/paths';
import { startChildServer } from '../server/childServer';
import { tempDir } from '../server/harness';
import type { Row } from './measure';

const stations = 40;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/**
 * The server's resident memory with 100,000 runs in its database and 40 stations connected: each
 * enrolled, holding its event stream open, and having pulled its first page of the feed.
 */
export async function serverMemory(runs = 100_000): Promise<Row> {
  const dir = tempDir('lockstep-mem-');
  // Seeding the demo plant and 100,000 runs takes half a minute or more on a busy 2-core machine.
  const server = await startChildServer(['--data', dir, '--seed-runs', String(runs)], 300_000);
  const streams: AbortController[] = [];
  try {
    const pid = server.process.pid ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < stations; i++) {
      const enrol = await fetch(`${server.url}${apiPaths.enrol}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'LOCKSTEP-DEMO', name: `Mem ${String(i)}` }),
      });
      const { token } = (await enrol.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };
      const controller = new AbortController();
      streams.push(controller);
      void fetch(`${server.url}${apiPaths.events}`, { headers: auth, signal: controller.signal }).catch(() => undefined);
      await (await fetch(`${server.url}${apiPaths.pull}?since=0&limit=2000`, { headers: auth })).json();
    }
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      samples.push(rssMb(pid));
    }
    samples.sort((a, b) => a - b);
    const median = samples[2] ?? Number.NaN;
    return {
      figure: `Server memory, ${runs.toLocaleString('en')} runs, ${String(stations)} stations connected`,
      unit: 'MB RSS',
      median,
      spread: [samples[0] ?? Number.NaN, samples[4] ?? Number.NaN],
      repeats: samples.length,
      target: '≤ 300 MB RSS',
      met: median <= 300,
    };
  } finally {
    streams.forEach((s) => { s.abort(); });
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
