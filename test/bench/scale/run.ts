// `npm run bench:scale [-- siblings plant stations queue memory]`: the measurements behind
// docs/scale.md, printed as Markdown tables (and kept in .artifacts/bench/scale.md). Slow: the
// plant-size and memory rows seed 100,000 runs. Not part of the test suite.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { byRuns } from './memoryScale';
import { byPlantSize, byQueue, bySiblings, byStations } from './pushScale';
import { markdown, type ScaleTable } from './table';

const repeats = Number(process.env['SCALE_REPEATS'] ?? 3);
const sections: Record<string, () => Promise<ScaleTable>> = {
  siblings: () => bySiblings(repeats),
  plant: () => byPlantSize(repeats),
  stations: () => byStations(repeats),
  queue: () => byQueue(repeats),
  memory: byRuns,
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown section ${unknown.join(', ')}: choose from ${Object.keys(sections).join(', ')} (or none for all).`);
  process.exit(2);
}
const machine = `${String(cpus().length)} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const out: string[] = [`Measured ${new Date().toISOString()} on ${machine}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} at start.`];
for (const [name, section] of Object.entries(sections)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const table = await section();
  out.push(markdown(table));
  console.log(`${markdown(table)}\n`);
}
mkdirSync('.artifacts/bench', { recursive: true });
writeFileSync(`.artifacts/bench/scale-${wanted.join('-') || 'all'}.md`, `${out.join('\n\n')}\n`);
