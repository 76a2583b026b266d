// `npm run bench`: every benchmark, one table, JSON in .artifacts/bench/. Timings live here, never in the tests.
import { engineSignOff } from './engineSignOff.bench';
import type { Row } from './measure';
import { pushThroughput } from './pushThroughput.bench';
import { report } from './report';
import { runsTable } from './runsTable.bench';
import { serverMemory } from './serverMemory.bench';
import { siblingVisible } from './siblingVisible.bench';
import { storeInBrowser } from './storeInBrowser.bench';

// `npm run bench -- table`: the runs table's figures alone, for working on them.
if (process.argv.includes('table')) {
  report(await runsTable());
  process.exit(0);
}

const rows: Row[] = [];
rows.push(await engineSignOff());
rows.push(...(await storeInBrowser()));
rows.push(...(await runsTable()));
rows.push(await siblingVisible());
rows.push(await pushThroughput());
rows.push(await serverMemory());
report(rows);
