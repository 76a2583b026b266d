// `npm run bench`: every benchmark, one table, JSON in .artifacts/bench/. Timings live here, never in the tests.
// `npm run bench -- push memory`: only the benchmarks named (see `benchmarks` below), same table.
import { catchUp } from './catchUp.bench';
import { engineSignOff } from './engineSignOff.bench';
import type { Row } from './measure';
import { pushThroughput } from './pushThroughput.bench';
import { report } from './report';
import { runsTable } from './runsTable.bench';
import { serverMemory } from './serverMemory.bench';
import { siblingVisible } from './siblingVisible.bench';
import { signOffOnScreen } from './signOffOnScreen.bench';
import { storeInBrowser } from './storeInBrowser.bench';

/** In the table's order; the name is what `npm run bench -- <name>` selects. */
const benchmarks: Record<string, () => Promise<Row | Row[]>> = {
  engine: engineSignOff,
  // The durable write of a batched change against the raw write of the same records.
  store: storeInBrowser,
  // The same kind of change from the click to the screen, in the built renderer.
  onscreen: signOffOnScreen,
  table: runsTable,
  sibling: siblingVisible,
  push: () => pushThroughput(),
  memory: () => serverMemory(),
  catchup: () => catchUp(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}: choose from ${Object.keys(benchmarks).join(', ')} (or none for all).`);
  process.exit(2);
}

const rows: Row[] = [];
let failed = false;
for (const [name, bench] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  try {
    const result = await bench();
    rows.push(...(Array.isArray(result) ? result : [result]));
  } catch (error) {
    // One benchmark that cannot finish must not hide the others' figures: it is a row of its own.
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`benchmark ${name} failed: ${message}`);
    rows.push({ figure: `${name}: did not finish (${message.slice(0, 160)})`, unit: '', median: Number.NaN, spread: [Number.NaN, Number.NaN], repeats: 0, target: '', met: false });
  }
}
report(rows);
if (failed) process.exitCode = 1;
