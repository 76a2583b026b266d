import type { AuditEntry } from '../schemas/audit';
import type { Batch } from '../schemas/batch';
import type { Change } from '../schemas/change';
import type { Review } from '../schemas/review';
import type { Run, RunStep } from '../schemas/run';
import type { Signature } from '../schemas/signature';
import type { User } from '../schemas/users';
import { rollUp } from './rollup';
import type { EngineState } from './state';

/**
 * The working copy of one operation's apply: reads see the writes made so far, the base state is
 * never touched, and `changes()` lists every write in the order it was first made, so the same
 * operation on the same state always yields the same changes.
 */
export class Draft {
  private readonly runs = new Map<string, Run>();
  private readonly steps = new Map<string, RunStep>();
  private readonly batches = new Map<string, Batch | null>();
  private readonly signatures: Signature[] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly reviews = new Map<string, Review>();
  private readonly touchedRuns = new Set<string>();
  private readonly originIndex = new Map<string, ReadonlyMap<string, string>>();

  constructor(private readonly base: EngineState) {}

  run(id: string): Run | undefined {
    return this.runs.get(id) ?? this.base.runs.get(id);
  }

  step(id: string): RunStep | undefined {
    return this.steps.get(id) ?? this.base.steps.get(id);
  }

  batch(id: string): Batch | undefined {
    const own = this.batches.get(id);
    return own === null ? undefined : (own ?? this.base.batches.get(id));
  }

  /** The run's step that comes from the given procedure step, if the run has one. */
  stepByOrigin(run: Run, originStepId: string): RunStep | undefined {
    let index = this.originIndex.get(run.id);
    if (!index) {
      const built = new Map<string, string>();
      for (const stepId of run.stepIds) {
        const step = this.step(stepId);
        if (step) built.set(step.originStepId, step.id);
      }
      this.originIndex.set(run.id, built);
      index = built;
    }
    const id = index.get(originStepId);
    return id === undefined ? undefined : this.step(id);
  }

  stepsOf(run: Run): RunStep[] {
    return run.stepIds.map((id) => this.step(id)).filter((s): s is RunStep => s !== undefined);
  }

  putStep(step: RunStep): void {
    this.steps.set(step.id, step);
    this.touchedRuns.add(step.runId);
  }

  putRun(run: Run): void {
    this.runs.set(run.id, run);
  }

  putBatch(batch: Batch): void {
    this.batches.set(batch.id, batch);
  }

  deleteBatch(id: string): void {
    this.batches.set(id, null);
  }

  addSignature(signature: Signature): void {
    this.signatures.push(signature);
  }

  addAudit(entry: AuditEntry): void {
    this.audit.push(entry);
  }

  user(id: string): User | undefined {
    return this.base.users.get(id);
  }

  review(id: string): Review | undefined {
    return this.reviews.get(id) ?? this.base.reviews.get(id);
  }

  putReview(review: Review): void {
    this.reviews.set(review.id, review);
  }

  /** Every write, with the status of each run whose steps changed rolled up again. */
  changes(at: string): Change[] {
    for (const runId of this.touchedRuns) {
      const run = this.run(runId);
      if (!run) continue;
      const progress = rollUp(this.stepsOf(run).map((s) => s.state));
      this.putRun({ ...run, ...progress, updatedAt: at });
    }
    const changes: Change[] = [];
    for (const row of this.batches.values()) {
      if (row) changes.push({ entity: 'batch', op: 'put', row });
    }
    for (const [id, row] of this.batches) {
      if (row === null && this.base.batches.has(id)) changes.push({ entity: 'batch', op: 'delete', id });
    }
    for (const row of this.runs.values()) changes.push({ entity: 'run', op: 'put', row });
    for (const row of this.steps.values()) changes.push({ entity: 'runStep', op: 'put', row });
    for (const row of this.signatures) changes.push({ entity: 'signature', op: 'put', row });
    for (const row of this.audit) changes.push({ entity: 'audit', op: 'put', row });
    for (const row of this.reviews.values()) changes.push({ entity: 'review', op: 'put', row });
    return changes;
  }
}
