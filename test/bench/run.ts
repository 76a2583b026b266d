// `npm run bench`: every benchmark, one table, JSON in .artifacts/bench/. Timings live here, never in the tests.
import { catchUp } from './catchUp.bench';
import { engineSignOff } from './engineSignOff.bench';
import type { Row } from './measure';
import { pushThroughput } from './pushThroughput.bench';
import { report } from './report';
import { runsTable } from './runsTable.bench';
import { serverMemory } from './serverMemory.bench';
import { siblingVisible } from './siblingVisible.bench';
import { storeInBrowser } from './storeInBrowser.bench';

// `npm run bench -- store catchup` runs only the benchmarks named; with no names, all of them.
const benches: Record<string, () => Promise<Row | Row[]>> = {
  engine: engineSignOff,
  store: storeInBrowser,
  runs: runsTable,
  sibling: siblingVisible,
  push: pushThroughput,
  memory: serverMemory,
  catchup: catchUp,
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(benches).join(', ')}`);
const rows: Row[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length === 0 || wanted.includes(name)) rows.push(...[await bench()].flat());
}
report(rows);
