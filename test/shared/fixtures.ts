import { applyOperation } from '../../shared/engine/apply';
import { instantiateRun } from '../../shared/engine/instantiate';
import type { ApplyResult } from '../../shared/engine/result';
import { applyChanges, stateFrom, type EngineState } from '../../shared/engine/state';
import type { AuditEntry } from '../../shared/schemas/audit';
import type { Operation, OperationOf, Seen, StepOperation } from '../../shared/schemas/operation';
import type { ProcedureStep, ProcedureVersion } from '../../shared/schemas/procedure';
import type { Run, RunStep } from '../../shared/schemas/run';
import type { Signature } from '../../shared/schemas/signature';
import type { User } from '../../shared/schemas/users';

export const users = {
  tech: { id: 'u-tech', name: 'Ana Ortiz', role: 'technician', active: true },
  tech2: { id: 'u-tech2', name: 'Ben Okafor', role: 'technician', active: true },
  sup: { id: 'u-sup', name: 'Chen Wei', role: 'supervisor', active: true },
  eng: { id: 'u-eng', name: 'Dana Levi', role: 'engineer', active: true },
  admin: { id: 'u-admin', name: 'Eli Novak', role: 'admin', active: true },
  gone: { id: 'u-gone', name: 'Former Employee', role: 'admin', active: false },
} satisfies Record<string, User>;
export type Who = keyof typeof users;

const step = (s: Partial<ProcedureStep> & Pick<ProcedureStep, 'originStepId' | 'number' | 'title'>): ProcedureStep => ({
  parentOriginStepId: null,
  instructions: `Do ${s.title.toLowerCase()}.`,
  fields: [],
  dependsOn: [],
  buildRequirements: [],
  signoffRole: 'technician',
  ...s,
});

/** A board assembly: dependencies, a parent with children, per-unit and shared fields, parts, a QA step. */
export const boardV1: ProcedureVersion = {
  id: 'P-100@1',
  procedureId: 'P-100',
  name: 'Board assembly',
  version: 1,
  status: 'released',
  steps: [
    step({ originStepId: 'inspect', number: '1', title: 'Inspect board' }),
    step({
      originStepId: 'connector',
      number: '2',
      title: 'Install connector',
      dependsOn: ['inspect'],
      buildRequirements: [{ id: 'req-conn', partNumber: 'CONN-12', quantity: 1, tracking: 'serial' }],
    }),
    step({ originStepId: 'solder', number: '3', title: 'Solder', dependsOn: ['connector'] }),
    step({ originStepId: 'rail', number: '3.1', title: 'Solder power rail', parentOriginStepId: 'solder' }),
    step({
      originStepId: 'voltage',
      number: '3.2',
      title: 'Measure rail voltage',
      parentOriginStepId: 'solder',
      fields: [{ id: 'volts', label: 'Rail voltage', kind: 'number', required: true, perUnit: true, unit: 'V', min: 4.9, max: 5.1 }],
    }),
    step({
      originStepId: 'torque',
      number: '4',
      title: 'Torque bolts',
      dependsOn: ['solder'],
      fields: [{ id: 'setting', label: 'Wrench setting', kind: 'number', required: true, perUnit: false, unit: 'Nm', min: 10, max: 14 }],
    }),
    step({
      originStepId: 'qa',
      number: '5',
      title: 'Final QA',
      dependsOn: ['torque'],
      signoffRole: 'supervisor',
      fields: [{ id: 'label', label: 'Serial label applied', kind: 'boolean', required: true, perUnit: true }],
    }),
  ],
};

/** The next version of the same procedure: same step identities, so its runs share steps with v1's. */
export const boardV2: ProcedureVersion = {
  ...boardV1,
  id: 'P-100@2',
  version: 2,
  steps: boardV1.steps.map((s) => (s.originStepId === 'torque' ? { ...s, title: 'Torque bolts (revised)' } : s)),
};

/** A different procedure: no step in common with the board. */
export const harness: ProcedureVersion = {
  id: 'P-200@1',
  procedureId: 'P-200',
  name: 'Cable harness',
  version: 1,
  status: 'released',
  steps: [step({ originStepId: 'cut', number: '1', title: 'Cut cable' }), step({ originStepId: 'crimp', number: '2', title: 'Crimp' })],
};

export const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);

/**
 * A plant held in memory, acting like a station that is always in sync: operations are built
 * from what it currently shows (their `seen`), applied with the engine, and the state follows.
 * It keeps the evidence (signatures, audit) the way a store would.
 */
export class Plant {
  state: EngineState;
  readonly signatures: Signature[] = [];
  readonly audit: AuditEntry[] = [];
  private counter = 0;

  constructor(runs: { procedure: ProcedureVersion; ids: string[] }[] = [{ procedure: boardV1, ids: ['R-1', 'R-2', 'R-3'] }]) {
    const made = runs.flatMap(({ procedure, ids }) =>
      ids.map((runId) => instantiateRun(procedure, { runId, title: `${procedure.name} ${runId}`, unitSerial: `SN-${runId}`, at: this.now() })),
    );
    this.state = stateFrom({
      runs: made.map((m) => m.run),
      steps: made.flatMap((m) => m.steps),
      users: Object.values(users),
    });
  }

  now(): string {
    return new Date(T0 + this.counter * 1000).toISOString();
  }

  run(id: string): Run {
    const run = this.state.runs.get(id);
    if (!run) throw new Error(`no run ${id}`);
    return run;
  }

  step(runId: string, origin: string): RunStep {
    const s = this.state.steps.get(`${runId}/${origin}`);
    if (!s) throw new Error(`no step ${origin} in ${runId}`);
    return s;
  }

  /** What a station showing the current state would record as seen for this step. */
  seen(runId: string, origin: string): Seen {
    const run = this.run(runId);
    const batch = run.batchId === null ? undefined : this.state.batches.get(run.batchId);
    return {
      stepVersion: this.step(runId, origin).version,
      batchId: batch?.id ?? null,
      batchMembers: batch ? [...batch.memberRunIds] : [],
    };
  }

  private envelope(who: Who) {
    this.counter += 1;
    return { id: `op-${String(this.counter)}`, stationId: 'ST-1', actorId: users[who].id, at: this.now() };
  }

  /** Builds a step operation as a station would, with what it sees now. */
  stepOp<K extends StepOperation['kind']>(
    kind: K,
    runId: string,
    origin: string,
    fields: Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at' | 'runId' | 'stepId' | 'seen'>,
    who: Who = 'tech',
  ): OperationOf<K> {
    return {
      ...this.envelope(who),
      kind,
      runId,
      stepId: `${runId}/${origin}`,
      seen: this.seen(runId, origin),
      ...fields,
    } as OperationOf<K>;
  }

  batchOp<K extends Exclude<Operation['kind'], StepOperation['kind']>>(
    kind: K,
    fields: Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at'>,
    who: Who = 'sup',
  ): OperationOf<K> {
    return { ...this.envelope(who), kind, ...fields } as OperationOf<K>;
  }

  apply(op: Operation): ApplyResult {
    const result = applyOperation(this.state, op);
    this.state = applyChanges(this.state, result.changes);
    for (const change of result.changes) {
      if (change.entity === 'signature') this.signatures.push(change.row);
      if (change.entity === 'audit') this.audit.push(change.row);
    }
    return result;
  }

  /** Applies and insists it applied: for arranging a scenario. */
  must(op: Operation): ApplyResult {
    const result = this.apply(op);
    if (result.outcome.status === 'rejected' || result.outcome.status === 'needs_review') {
      throw new Error(`${op.kind} did not apply: ${result.outcome.reason}`);
    }
    return result;
  }

  batch(batchId: string, runIds: string[], title: string | null = null): void {
    this.must(this.batchOp('createBatch', { batchId, runIds, title }));
  }

  /** Brings a board run's steps up to the one named, so that step is available. */
  prepareUpTo(runId: string, origin: 'connector' | 'solder' | 'torque' | 'qa'): void {
    this.must(this.stepOp('signOff', runId, 'inspect', { meaning: 'performed', fieldValues: {} }));
    if (origin === 'connector') return;
    this.must(this.stepOp('recordInstall', runId, 'connector', { requirementId: 'req-conn', serial: `C-${runId}`, lot: null, quantity: 1 }));
    this.must(this.stepOp('signOff', runId, 'connector', { meaning: 'performed', fieldValues: {} }));
    if (origin === 'solder') return;
    this.must(this.stepOp('start', runId, 'solder', {}));
    this.must(this.stepOp('signOff', runId, 'rail', { meaning: 'performed', fieldValues: {} }));
    this.must(this.stepOp('signOff', runId, 'voltage', { meaning: 'performed', fieldValues: { volts: 5.0 } }));
    this.must(this.stepOp('signOff', runId, 'solder', { meaning: 'performed', fieldValues: {} }));
    if (origin === 'torque') return;
    this.must(this.stepOp('signOff', runId, 'torque', { meaning: 'performed', fieldValues: { setting: 12 } }));
  }
}
