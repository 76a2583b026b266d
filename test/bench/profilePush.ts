// `npm run bench:profile-push`: runs the push benchmark's workload once with the server under
// `node --cpu-prof`, then prints where the server's CPU time went (self time by function, and by
// source file), so a change to the push path can be judged by its cause, not only its figure.
// `-- --siblings 100 --total 1000 --chunk 500`: another shape of the same workload.
import { parseArgs } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultWorkload, stopAndClean, timedPush } from './pushDriver';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

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
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const totalMs = (profile.endTime - profile.startTime) / 1000;

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const where = frame.url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '').replace(/.*node_modules\//, 'node_modules/');
  add(byFunction, `${frame.functionName || '(anonymous)'}  ${where}:${String(frame.lineNumber + 1)}`, ms);
  add(byFile, where || `(${frame.functionName})`, ms);
}
const top = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${k}`);
console.log(`\nServer process, ${totalMs.toFixed(0)} ms profiled (start-up and seeding included). Self time by function:`);
top(byFunction, 30).forEach((l) => { console.log(l); });
console.log('\nSelf time by file:');
top(byFile, 25).forEach((l) => { console.log(l); });
console.log(`\nProfile: ${join(dir, file)} (open in Chrome DevTools, Performance tab)`);
