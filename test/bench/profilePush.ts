// `npm run bench:profile-push`: runs the push benchmark's workload once with the server under
// `node --cpu-prof`, then prints where the server's CPU time went (self time by function, and by
// source file), so a change to the push path can be judged by its cause, not only its figure.
// `-- --siblings 100 --total 1000 --chunk 500`: another shape of the same workload.
import { parseArgs } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { summariseProfile, type CpuProfile } from './cpuProfile';
import { defaultWorkload, stopAndClean, timedPush } from './pushDriver';

const dir = resolve('.artifacts/profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const { values } = parseArgs({ options: { siblings: { type: 'string' }, total: { type: 'string' }, chunk: { type: 'string' } } });
const workload = {
  ...defaultWorkload,
  siblings: Number(values.siblings ?? defaultWorkload.siblings),
  total: Number(values.total ?? defaultWorkload.total),
  chunk: Number(values.chunk ?? defaultWorkload.chunk),
};
const run = await timedPush({ ...workload, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
await stopAndClean(run);
console.log(`${String(workload.total)} operations in ${run.seconds.toFixed(2)} s: ${(workload.total / run.seconds).toFixed(0)} ops/s (profiling slows this)`);

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
console.log('');
summariseProfile(profile, 'Server process (start-up and seeding included)', Infinity, 30).forEach((l) => { console.log(l); });
