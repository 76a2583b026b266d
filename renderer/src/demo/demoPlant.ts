import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { CacheChange } from '../store/cacheChanges';
import { PlantDriver } from './plantDriver';
import { controllerV2, controllerV3, demoProcedures, harnessV2, pumpV1 } from './procedures';
import { SeededRandom } from '../../../shared/util/seededRandom';
import { raiseDemoReviews } from './demoReviews';
import { demoUsers } from './users';
import { actionsOf, Worker } from './work';

/** The station the demo history was recorded on (the server's seed station). */
export const demoSeedStation = 'ST-SEED';
/** Monday 5 January 2026, 06:00 UTC: the first shift of the demo history. */
const historyStart = Date.UTC(2026, 0, 5, 6, 0, 0);

type Ending = 'untouched' | 'partial' | 'complete' | 'hold' | 'failed' | 'skipped' | 'redline' | 'reopened' | 'outOfLimits';
const endings: readonly Ending[] = [
  'untouched', 'untouched', 'partial', 'partial', 'partial', 'partial', 'partial', 'complete', 'complete',
  'hold', 'failed', 'skipped', 'redline', 'reopened', 'outOfLimits',
];

interface Family {
  procedure: ProcedureVersion;
  count: number;
  title: (n: number) => string;
  unit: (n: number) => string;
}

const families: readonly Family[] = [
  { procedure: controllerV3, count: 130, title: (n) => `CB-220 controller, order ${String(55100 + Math.floor(n / 6))}`, unit: (n) => `CB220-26-${String(n).padStart(5, '0')}` },
  { procedure: controllerV2, count: 14, title: (n) => `CB-220 controller (rev 2 traveler), order ${String(54980 + Math.floor(n / 4))}`, unit: (n) => `CB220-25-${String(n).padStart(5, '0')}` },
  { procedure: harnessV2, count: 90, title: (n) => `MH-48 motor harness, kanban ${String(700 + Math.floor(n / 10))}`, unit: (n) => `MH48-26-${String(n).padStart(5, '0')}` },
  { procedure: pumpV1, count: 40, title: (n) => `PM-10 pump module, order ${String(61200 + Math.floor(n / 3))}`, unit: (n) => `PM10-26-${String(n).padStart(5, '0')}` },
];

/**
 * Known runs at the head of the list, so a person trying the station (and the end-to-end tests)
 * finds each situation in the same place. Documented in docs/station-ui.md.
 */
export const demoFixture = {
  /** Controller runs, untouched and in no batch: select them and press Batch. */
  freeControllers: ['R-1001', 'R-1002', 'R-1003', 'R-1004'],
  /** Batch B-101 "Line 2 morning": kit section signed through the batch, SMT section under way. */
  line2: { batchId: 'B-101', title: 'Line 2 morning', runIds: ['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010'] },
  /** Batch B-102 (no title): harness runs, untouched. */
  harnessBatch: { batchId: 'B-102', runIds: ['R-1011', 'R-1012', 'R-1013', 'R-1014'] },
  /** Batch B-103 "Pump pilot lot": housing section done. */
  pumpBatch: { batchId: 'B-103', title: 'Pump pilot lot', runIds: ['R-1015', 'R-1016', 'R-1017'] },
  /** A harness run in no batch: it shares no steps with the controllers. */
  freeHarness: 'R-1018',
  /** A controller run in no batch, to add to a batch. */
  spareController: 'R-1019',
} as const;

export interface DemoPlant {
  rows: CacheChange[];
  runCount: number;
}

/** Builds the demo plant: about 270 runs, a few batches, every state, all through the engine. */
export function buildDemoPlant(): DemoPlant {
  const plant = new PlantDriver(demoUsers, demoSeedStation, historyStart);
  const random = new SeededRandom(20260105);
  const worker = new Worker(plant, random);
  const order = new Map<string, number>();

  // Run ids in one sequence across procedures, the fixture's first.
  const fixtureProcedures: [ProcedureVersion, number][] = [
    [controllerV3, 4], [controllerV3, 6], [harnessV2, 4], [pumpV1, 3], [harnessV2, 1], [controllerV3, 1],
  ];
  let next = 1001;
  const familyCounter = new Map<ProcedureVersion, number>();
  const make = (procedure: ProcedureVersion) => {
    const family = families.find((f) => f.procedure === procedure);
    if (!family) throw new Error('demo: unknown family');
    const n = (familyCounter.get(procedure) ?? 0) + 1;
    familyCounter.set(procedure, n);
    const id = `R-${String(next++)}`;
    order.set(id, n);
    plant.addRun(procedure, id, family.title(n), family.unit(n));
    return id;
  };
  for (const [procedure, count] of fixtureProcedures) for (let i = 0; i < count; i++) make(procedure);

  buildFixtureBatches(plant, worker);

  const randomRuns: string[] = [];
  for (const family of families) {
    const already = familyCounter.get(family.procedure) ?? 0;
    for (let i = already; i < family.count; i++) randomRuns.push(make(family.procedure));
  }

  // A batch across procedure versions: v2 and v3 controller runs share every step but the renamed one.
  const rework = randomRuns.filter((id) => plant.run(id).procedureVersionId === controllerV2.id).slice(0, 3);
  const reworkV3 = randomRuns.filter((id) => plant.run(id).procedureVersionId === controllerV3.id).slice(0, 2);
  const reworkBatch = [...rework, ...reworkV3];
  plant.must(plant.batchOp('createBatch', 'u-chen', { batchId: 'B-104', title: 'Rework from RMA 311', runIds: reworkBatch }));
  worker.workBatch(reworkBatch, 4);

  for (const runId of randomRuns.filter((id) => !reworkBatch.includes(id))) finish(plant, worker, random, runId);
  raiseDemoReviews(plant, worker, randomRuns.filter((id) => !reworkBatch.includes(id)));

  return { rows: plant.rows(demoProcedures), runCount: next - 1001 };
}

function buildFixtureBatches(plant: PlantDriver, worker: Worker): void {
  const { line2, harnessBatch, pumpBatch } = demoFixture;
  const [a, b, c, d, e, late] = line2.runIds;
  plant.must(plant.batchOp('createBatch', 'u-chen', { batchId: line2.batchId, title: line2.title, runIds: [a, b, c, d, e] }));
  // Kit section (start, three children, sign off), SMT started, paste signed: 7 actions through the batch.
  worker.workBatch([a, b, c, d, e], 7);
  // The sixth run was worked on its own, put on hold at "Place components", and joined later.
  worker.work(late, 7);
  plant.must(plant.stepOp('hold', late, 'cb-smt-place', 'u-ben', { reason: 'Waiting for the MCU reel from stores' }));
  plant.must(plant.batchOp('addRunsToBatch', 'u-chen', { batchId: line2.batchId, runIds: [late] }));
  // Place components: four runs have their parts in, the fifth has none yet.
  for (const id of [a, b, c, d]) worker.install(id, 'cb-smt-place');

  plant.must(plant.batchOp('createBatch', 'u-chen', { batchId: harnessBatch.batchId, title: null, runIds: [...harnessBatch.runIds] }));
  plant.must(plant.batchOp('createBatch', 'u-chen', { batchId: pumpBatch.batchId, title: pumpBatch.title, runIds: [...pumpBatch.runIds] }));
  worker.workBatch(pumpBatch.runIds, 4);
}

/** Takes a run to one of the endings, chosen by the seeded generator. */
function finish(plant: PlantDriver, worker: Worker, random: SeededRandom, runId: string): void {
  const actions = actionsOf(plant.stepsOf(runId));
  const ending = random.pick(endings);
  const some = random.int(1, actions.length - 1);
  switch (ending) {
    case 'untouched':
      return;
    case 'complete':
      worker.work(runId, actions.length);
      return;
    case 'partial':
      worker.work(runId, some);
      return;
    case 'reopened': {
      worker.work(runId, some);
      const done = plant.stepsOf(runId).filter((s) => s.state === 'complete' && s.parentOriginStepId !== null).pop();
      if (done) plant.must(plant.stepOp('reopen', runId, done.originStepId, 'u-chen', { reason: 'Wrong torque table used: redo' }));
      return;
    }
    case 'hold':
    case 'skipped':
    case 'redline':
    case 'failed':
    case 'outOfLimits':
      stopAt(plant, worker, runId, ending, some);
      return;
    default:
      ending satisfies never;
  }
}

/** Works the run up to an action, then leaves that action's step held, skipped, redlined, failed or out of limits. */
function stopAt(plant: PlantDriver, worker: Worker, runId: string, ending: 'hold' | 'skipped' | 'redline' | 'failed' | 'outOfLimits', some: number): void {
  const actions = actionsOf(plant.stepsOf(runId));
  worker.work(runId, some);
  const nextAction = actions[some];
  if (!nextAction) return;
  const origin = nextAction.origin;
  switch (ending) {
    case 'hold':
      plant.must(plant.stepOp('hold', runId, origin, 'u-ben', { reason: 'Fixture out for calibration' }));
      return;
    case 'skipped':
      plant.must(plant.stepOp('skip', runId, origin, 'u-chen', { reason: 'Not required for this customer variant' }));
      return;
    case 'redline':
      plant.must(plant.stepOp('redlineOpen', runId, origin, 'u-dana', { reason: 'Instruction refers to the old jig' }));
      return;
    case 'failed':
      if (nextAction.kind === 'complete' && plant.step(runId, origin).state === 'todo') worker.start(runId, origin);
      if (plant.step(runId, origin).state === 'in_progress') plant.must(plant.stepOp('fail', runId, origin, 'u-ana', { reason: 'Measured value out of tolerance' }));
      return;
    case 'outOfLimits': {
      const field = plant.step(runId, origin).fields.find((f) => f.kind === 'number' && f.max !== undefined);
      if (field?.max !== undefined) plant.must(plant.stepOp('enterFields', runId, origin, 'u-ana', { values: { [field.id]: Math.round(field.max * 1.05 * 100) / 100 } }));
      return;
    }
    default:
      ending satisfies never;
  }
}
