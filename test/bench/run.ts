// `npm run bench`: every benchmark, one table, JSON in .artifacts/bench/. Timings live here, never in the tests.
import { engineSignOff } from './engineSignOff.bench';
import type { Row } from './measure';
import { pushThroughput } from './pushThroughput.bench';
import { report } from './report';
import { siblingVisible } from './siblingVisible.bench';

const rows: Row[] = [];
rows.push(await engineSignOff());
rows.push(await siblingVisible());
rows.push(await pushThroughput());
report(rows);
