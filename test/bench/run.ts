// `npm run bench`: every benchmark, one table, JSON in .artifacts/bench/. Timings live here, never in the tests.
import { engineSignOff } from './engineSignOff.bench';
import type { Row } from './measure';
import { pushThroughput } from './pushThroughput.bench';
import { report } from './report';
import { runsTable } from './runsTable.bench';
import { serverMemory } from './serverMemory.bench';
import { siblingVisible } from './siblingVisible.bench';
import { storeInBrowser } from './storeInBrowser.bench';

const rows: Row[] = [];
rows.push(await engineSignOff());
rows.push(...(await storeInBrowser()));
rows.push(...(await runsTable()));
rows.push(await siblingVisible());
rows.push(await pushThroughput());
rows.push(await serverMemory());
report(rows);
