import { randomBytes } from 'node:crypto';
import type { FieldValue, ProcedureVersion } from '../../shared/schemas/procedure';
import type { RunStep } from '../../shared/schemas/run';
import type { RoleName } from '../../shared/schemas/users';
import { hashPin, sha256, type PinHashCost } from '../identity/secrets';
import type { Store } from '../storage/store';
import { createRuns } from './createRuns';
import { demoProcedures } from './demoProcedures';
import { demoEnrolmentCode, demoUsers, seedStationId } from './demoUsers';
import { SeededRandom } from '../../shared/util/seededRandom';
import { SeedDriver } from './seedDriver';

const signers: Record<RoleName, readonly string[]> = {
  technician: ['u-ana', 'u-ben', 'u-carla'],
  supervisor: ['u-chen'],
  engineer: ['u-dana'],
  admin: ['u-eli'],
};

type Ending = 'untouched' | 'partial' | 'complete' | 'hold' | 'failed' | 'skipped' | 'redline' | 'reopened';
const endings: readonly Ending[] = ['untouched', 'untouched', 'partial', 'partial', 'partial', 'partial', 'partial', 'complete', 'complete', 'hold', 'failed', 'skipped', 'redline', 'reopened'];

/** One action of a run walked in order: start a section, or complete a step. */
interface Action {
  kind: 'start' | 'complete';
  step: RunStep;
}

function walk(steps: readonly RunStep[]): Action[] {
  const actions: Action[] = [];
  for (const section of steps.filter((s) => s.parentOriginStepId === null)) {
    const children = steps.filter((s) => s.parentOriginStepId === section.originStepId);
    if (children.length > 0) actions.push({ kind: 'start', step: section });
    children.forEach((step) => actions.push({ kind: 'complete', step }));
    actions.push({ kind: 'complete', step: section });
  }
  return actions;
}

/**
 * Builds the demo history. Runs are started, batches formed, and work done through real
 * operations; each batch is driven through its first run, so sign-offs and state changes reach
 * the siblings by propagation, with per-unit values and installs entered on each run first.
 */
class DemoPlant {
  constructor(
    private readonly store: Store,
    private readonly driver: SeedDriver,
    private readonly random: SeededRandom,
  ) {}

  /** Fills what this run must enter itself before a sign-off (per-unit values, installs). */
  private prepare(runId: string, step: RunStep): void {
    const sibling = this.driver.step(runId, `${runId}/${step.originStepId}`);
    const perUnit = Object.fromEntries(sibling.fields.filter((f) => f.perUnit).map((f) => [f.id, this.value(f, runId)]));
    if (Object.keys(perUnit).length > 0) this.driver.must(this.driver.stepOp('enterFields', runId, sibling.id, 'u-ana', { values: perUnit }));
    for (const req of sibling.buildRequirements) {
      const installs =
        req.tracking === 'serial'
          ? Array.from({ length: req.quantity }, (_, k) => ({ serial: `${req.partNumber}-${runId}-${String(k + 1)}`, lot: null, quantity: 1 }))
          : [{ serial: null, lot: req.tracking === 'lot' ? `LOT-${String(this.random.int(1000, 9999))}` : null, quantity: req.quantity }];
      for (const install of installs) this.driver.must(this.driver.stepOp('recordInstall', runId, sibling.id, 'u-ben', { requirementId: req.id, ...install }));
    }
  }

  private value(field: RunStep['fields'][number], runId: string): FieldValue {
    switch (field.kind) {
      case 'number': {
        const min = field.min ?? 0;
        const max = field.max ?? min + 10;
        return Math.round((min + (max - min) * (0.3 + 0.4 * this.random.next())) * 1000) / 1000;
      }
      case 'boolean':
        return true;
      case 'choice':
        return field.options?.[0] ?? '';
      case 'text':
        return `${runId}-${field.id.toUpperCase()}`;
      default:
        return field.kind satisfies never;
    }
  }

  /** Drives `members[0]` (and through propagation its batch) `done` steps forward, then ends as asked. */
  drive(members: readonly string[], done: number, ending: Ending): void {
    const lead = members[0];
    if (lead === undefined) return;
    const actions = walk(this.store.reads.steps(lead));
    let completed = 0;
    let index = 0;
    for (; index < actions.length && completed < done; index++) {
      const action = actions[index];
      if (!action) break;
      const step = this.driver.step(lead, action.step.id);
      if (action.kind === 'start') {
        this.driver.must(this.driver.stepOp('start', lead, step.id, 'u-ana', {}));
        continue;
      }
      members.forEach((runId) => { this.prepare(runId, step); });
      const shared = Object.fromEntries(step.fields.filter((f) => !f.perUnit && f.required).map((f) => [f.id, this.value(f, lead)]));
      const signer = this.random.pick(signers[step.signoffRole]);
      this.driver.must(this.driver.stepOp('signOff', lead, step.id, signer, { meaning: 'performed', fieldValues: shared }));
      completed += 1;
    }
    const next = actions[index];
    if (!next) return;
    const step = this.driver.step(lead, next.step.id);
    const op = this.driver;
    switch (ending) {
      case 'untouched':
      case 'partial':
      case 'complete':
        return;
      case 'hold':
        op.must(op.stepOp('hold', lead, step.id, 'u-ben', { reason: 'Waiting for replacement parts from stores' }));
        return;
      case 'failed':
        if (step.state === 'todo') op.must(op.stepOp('start', lead, step.id, 'u-ana', {}));
        op.must(op.stepOp('fail', lead, step.id, 'u-ana', { reason: 'Reading out of tolerance on the first attempt' }));
        return;
      case 'skipped':
        if (next.kind === 'start') return;
        op.must(op.stepOp('skip', lead, step.id, 'u-chen', { reason: 'Covered by incoming inspection for this lot' }));
        return;
      case 'redline':
        op.must(op.stepOp('redlineOpen', lead, step.id, 'u-dana', { reason: 'Instruction does not match the current fixture' }));
        op.must(op.stepOp('redlineEdit', lead, step.id, 'u-dana', { changes: { instructions: `${step.instructions} Use fixture rev C.` } }));
        return;
      case 'reopened': {
        const last = actions[index - 1];
        if (last?.kind === 'complete') op.must(op.stepOp('reopen', lead, last.step.id, 'u-chen', { reason: 'Value recorded against the wrong unit' }));
        return;
      }
      default:
        ending satisfies never;
    }
  }

  /** Two stations acting on the same step while apart: the later arrival waits in the review queue. */
  conflicts(runId: string): void {
    const op = this.driver;
    const first = this.store.reads.steps(runId).find((s) => s.parentOriginStepId === null);
    if (!first) return;
    op.must(op.stepOp('start', runId, first.id, 'u-ana', {}));
    const child = this.store.reads.steps(runId).find((s) => s.parentOriginStepId === first.originStepId);
    if (!child) return;
    op.must(op.stepOp('start', runId, child.id, 'u-ana', {}));
    const stale = op.stepOp('fail', runId, child.id, 'u-carla', { reason: 'Scratch found on the housing' });
    this.prepare(runId, child);
    const fields = Object.fromEntries(child.fields.filter((f) => !f.perUnit && f.required).map((f) => [f.id, this.value(f, runId)]));
    op.must(op.stepOp('signOff', runId, child.id, 'u-ben', { meaning: 'performed', fieldValues: fields }));
    op.apply(stale);
  }
}

export interface SeedOptions {
  now: Date;
  pinHashCost: PinHashCost;
  runs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = 86_400_000;

/** The demo people with their PIN hashes, the demo enrolment code, and the station the history was recorded on. */
function addIdentities(store: Store, pinHashes: readonly string[], now: number, start: number): void {
  demoUsers.forEach(({ badgeId, id, name, role, active }, i) => {
    store.identity.addUser({ id, name, role, active }, badgeId, pinHashes[i] ?? '', iso(start));
  });
  store.identity.addEnrolmentCode(sha256(demoEnrolmentCode), 1000, iso(now + 365 * day), 'u-eli', iso(now));
  // Its token is random and thrown away: nobody can push as the demo history's station.
  const tokenHash = sha256(randomBytes(32).toString('hex'));
  store.identity.addStation({ id: seedStationId, name: 'Demo history', tokenHash, expiresAt: iso(start) }, iso(start));
}

/** Runs R-1001, R-1002, ... of random procedures, a minute apart; returned by procedure. */
function startRuns(store: Store, procedures: readonly ProcedureVersion[], random: SeededRandom, count: number, start: number) {
  const byProcedure = new Map<ProcedureVersion, string[]>();
  for (let n = 1; n <= count; n++) {
    const procedure = random.pick(procedures);
    const runId = `R-${String(1000 + n)}`;
    const unitSerial = `SN-${procedure.procedureId.slice(2)}-${String(50000 + n)}`;
    createRuns(store, procedure, [{ runId, title: `${procedure.name} ${runId}`, unitSerial, at: iso(start + n * 60_000) }]);
    byProcedure.set(procedure, [...(byProcedure.get(procedure) ?? []), runId]);
  }
  return byProcedure;
}

/** Up to three batches of 3 to 6 runs per procedure version; takes their runs out of the pools. */
function formBatches(driver: SeedDriver, byProcedure: Map<ProcedureVersion, string[]>, random: SeededRandom): string[][] {
  const groups: string[][] = [];
  for (const [procedure, runIds] of byProcedure) {
    const pool = [...runIds];
    for (let b = 0; b < 3 && pool.length >= 8; b++) {
      const members = pool.splice(0, random.int(3, 6));
      const batchId = `B-${String(101 + groups.length)}`;
      driver.must(driver.batchOp('createBatch', 'u-chen', { batchId, title: `${procedure.name} lot ${String(groups.length + 1)}`, runIds: members }));
      groups.push(members);
    }
    byProcedure.set(procedure, pool);
  }
  return groups;
}

/** Seeds an empty database with the demo plant: users, procedures, a few hundred runs, batches. */
export async function seedDemo(store: Store, options: SeedOptions): Promise<void> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPin(u.pin, options.pinHashCost)));
  const now = options.now.getTime();
  const start = now - 30 * day;
  const runCount = options.runs ?? 300;
  store.transaction(() => {
    addIdentities(store, hashes, now, start);
    const procedures = demoProcedures();
    procedures.forEach((p) => { store.catalog.add(p, new Date(start).toISOString()); });
    const random = new SeededRandom(4650);
    const byProcedure = startRuns(store, procedures, random, runCount, start);

    const driver = new SeedDriver(store, seedStationId, start + (runCount + 10) * 60_000);
    const plant = new DemoPlant(store, driver, random);
    const groups = formBatches(driver, byProcedure, random);
    const singles = [...byProcedure.values()].flat();
    const conflictRuns = singles.splice(0, 2);
    // Each batch is driven as one through its first run; every other run on its own.
    for (const members of [...groups, ...singles.map((id) => [id])]) {
      const lead = members[0];
      if (lead === undefined) continue;
      const total = store.reads.steps(lead).length;
      const ending = random.pick(endings);
      const done = ending === 'untouched' ? 0 : ending === 'complete' ? total : random.int(1, Math.max(1, total - 2));
      plant.drive(members, done, ending);
    }
    conflictRuns.forEach((runId) => { plant.conflicts(runId); });
    leaveWhileStaleActionTravels(store, driver, groups);
  });
}

/**
 * Membership changes after work began: one run leaves its batch, keeping what it gathered, while
 * a technician's batched hold made before it left is still on its way (an offline station). The
 * hold reaches the runs still in the batch; the one that left waits in the review queue.
 */
function leaveWhileStaleActionTravels(store: Store, driver: SeedDriver, groups: readonly string[][]): void {
  for (const members of groups) {
    const lead = members[0];
    const leaving = members.at(-1);
    const run = leaving === undefined ? undefined : store.reads.run(leaving);
    if (lead === undefined || !run?.batchId || run.id === lead || run.status === 'redline') continue;
    const open = store.reads.steps(lead).find((s) => s.state === 'todo' || s.state === 'in_progress');
    const hold = open ? driver.stepOp('hold', lead, open.id, 'u-ben', { reason: 'Fixture out for calibration' }) : undefined;
    driver.must(driver.batchOp('removeRunFromBatch', 'u-chen', { batchId: run.batchId, runId: run.id }));
    if (hold) driver.must(hold);
    return;
  }
}
