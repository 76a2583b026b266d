// `npm run soak -- --seeds 5000` runs that many simulation seeds; `--from N` starts elsewhere;
// `--seed N` replays one. A failure prints its seed: the same seed replays the same run.
import { parseArgs } from 'node:util';
import { runSimulation } from './simulation';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '1000' }, from: { type: 'string', default: '1' }, seed: { type: 'string' } },
});
const first = Number(values.seed ?? values.from);
const count = values.seed === undefined ? Number(values.seeds) : 1;
const started = Date.now();
let accepted = 0;
for (let seed = first; seed < first + count; seed++) {
  try {
    accepted += (await runSimulation(seed)).accepted;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`seed ${String(seed)} failed: replay it with npm run soak -- --seed ${String(seed)}`);
    process.exit(1);
  }
  if ((seed - first + 1) % 100 === 0) console.log(`${String(seed - first + 1)} seeds, ${String(accepted)} operations, ${String(Math.round((Date.now() - started) / 1000))} s`);
}
console.log(`${String(count)} passed, 0 failed (seeds ${String(first)}..${String(first + count - 1)}, ${String(accepted)} operations)`);
