import type { FieldDef, FieldValue } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import type { SignatureMeaning } from '../../../shared/schemas/signature';
import type { PlantDriver } from './plantDriver';
import type { SeededRandom } from '../../../shared/util/seededRandom';

/** One move of a run worked in order: start a section, or complete a step. */
export interface Action {
  kind: 'start' | 'complete';
  origin: string;
}

/** The order a traveler is worked in: each section is started, its children done, then it is signed. */
export function actionsOf(steps: readonly RunStep[]): Action[] {
  const actions: Action[] = [];
  for (const section of steps.filter((s) => s.parentOriginStepId === null)) {
    const children = steps.filter((s) => s.parentOriginStepId === section.originStepId);
    if (children.length > 0) actions.push({ kind: 'start', origin: section.originStepId });
    for (const child of children) actions.push({ kind: 'complete', origin: child.originStepId });
    actions.push({ kind: 'complete', origin: section.originStepId });
  }
  return actions;
}

const technicians = ['u-ana', 'u-ben', 'u-carla'] as const;

/** Does the work of a demo plant through real operations, with plausible values. */
export class Worker {
  constructor(
    private readonly plant: PlantDriver,
    private readonly random: SeededRandom,
  ) {}

  technician(): string {
    return this.random.pick(technicians);
  }

  value(field: FieldDef, runId: string): FieldValue {
    switch (field.kind) {
      case 'number': {
        const min = field.min ?? 0;
        const max = field.max ?? min * 1.5 + 10;
        return Math.round((min + (max - min) * (0.3 + 0.4 * this.random.next())) * 100) / 100;
      }
      case 'boolean':
        return true;
      case 'choice':
        return field.options?.[0] ?? '';
      case 'text':
        return `${field.id.toUpperCase()}-${runId.replace(/\D/g, '')}`;
      default:
        return field.kind satisfies never;
    }
  }

  /** What a run fills itself before its step is signed: per-unit values and its own installs. */
  prepare(runId: string, origin: string, installs = true): void {
    const step = this.plant.step(runId, origin);
    const perUnit = Object.fromEntries(step.fields.filter((f) => f.perUnit && step.fieldValues[f.id] === undefined).map((f) => [f.id, this.value(f, runId)]));
    if (Object.keys(perUnit).length > 0) this.plant.must(this.plant.stepOp('enterFields', runId, origin, this.technician(), { values: perUnit }));
    if (installs) this.install(runId, origin);
  }

  install(runId: string, origin: string): void {
    const step = this.plant.step(runId, origin);
    const who = this.technician();
    for (const req of step.buildRequirements) {
      if (step.installs.some((i) => i.requirementId === req.id)) continue;
      if (req.tracking === 'serial') {
        for (let k = 1; k <= req.quantity; k++) {
          const serial = `${req.partNumber}-${runId.replace(/\D/g, '')}${String(k)}`;
          this.plant.must(this.plant.stepOp('recordInstall', runId, origin, who, { requirementId: req.id, serial, lot: null, quantity: 1 }));
        }
      } else {
        const lot = req.tracking === 'lot' ? `LOT-${String(this.random.int(24000, 24999))}` : null;
        this.plant.must(this.plant.stepOp('recordInstall', runId, origin, who, { requirementId: req.id, serial: null, lot, quantity: req.quantity }));
      }
    }
  }

  signer(step: RunStep): { actorId: string; meaning: SignatureMeaning } {
    return step.signoffRole === 'technician' ? { actorId: this.technician(), meaning: 'performed' } : { actorId: 'u-chen', meaning: 'approved' };
  }

  /** Signs the step off on `runId`; in a batch this propagates to the siblings that are ready. */
  complete(runId: string, origin: string): void {
    const step = this.plant.step(runId, origin);
    const shared = Object.fromEntries(step.fields.filter((f) => !f.perUnit && step.fieldValues[f.id] === undefined).map((f) => [f.id, this.value(f, runId)]));
    const { actorId, meaning } = this.signer(step);
    this.plant.must(this.plant.stepOp('signOff', runId, origin, actorId, { meaning, fieldValues: shared }));
  }

  start(runId: string, origin: string): void {
    this.plant.must(this.plant.stepOp('start', runId, origin, this.technician(), {}));
  }

  /** Works `count` actions of the run on its own. */
  work(runId: string, count: number): void {
    for (const action of actionsOf(this.plant.stepsOf(runId)).slice(0, count)) {
      if (action.kind === 'start') this.start(runId, action.origin);
      else {
        this.prepare(runId, action.origin);
        this.complete(runId, action.origin);
      }
    }
  }

  /** Works `count` actions of a batch through its first run: each member fills its own values first. */
  workBatch(runIds: readonly string[], count: number): void {
    const [lead] = runIds;
    if (lead === undefined) return;
    for (const action of actionsOf(this.plant.stepsOf(lead)).slice(0, count)) {
      if (action.kind === 'start') this.start(lead, action.origin);
      else {
        for (const id of runIds) this.prepare(id, action.origin);
        this.complete(lead, action.origin);
      }
    }
  }
}
