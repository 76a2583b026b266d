import { applyOperation } from '../../../shared/engine/apply';
import { instantiateRun } from '../../../shared/engine/instantiate';
import type { ApplyResult } from '../../../shared/engine/result';
import { applyChangesInPlace, type EngineState, type MutableEngineState } from '../../../shared/engine/state';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { Change } from '../../../shared/schemas/change';
import type { Operation, OperationOf, StepOperation } from '../../../shared/schemas/operation';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Review } from '../../../shared/schemas/review';
import type { Run, RunStep } from '../../../shared/schemas/run';
import type { Signature } from '../../../shared/schemas/signature';
import type { User } from '../../../shared/schemas/users';
import type { CacheChange } from '../store/cacheChanges';

type StepKind = StepOperation['kind'];
type BatchKind = Exclude<Operation['kind'], StepKind>;
type Envelope = 'kind' | 'id' | 'stationId' | 'actorId' | 'at';

/**
 * A plant held in memory and moved only by real operations through the shared engine, the way
 * the server would apply them. The maps are updated in place after each apply (the engine never
 * touches the state it reads), so a history of thousands of operations stays linear.
 */
export class PlantDriver {
  private readonly runs = new Map<string, Run>();
  private readonly steps = new Map<string, RunStep>();
  private readonly batches = new Map<string, Batch>();
  private readonly reviews = new Map<string, Review>();
  private readonly users = new Map<string, User>();
  private readonly signatures: Signature[] = [];
  private readonly audit: AuditEntry[] = [];
  private counter = 0;

  constructor(
    users: readonly User[],
    private readonly stationId: string,
    private readonly startMs: number,
    private readonly stepMs = 47_000,
  ) {
    for (const u of users) this.users.set(u.id, u);
  }

  get state(): EngineState {
    return this.mutable;
  }

  private get mutable(): MutableEngineState {
    return { runs: this.runs, steps: this.steps, batches: this.batches, users: this.users, reviews: this.reviews };
  }

  /** The plant's clock: every operation moves it on a little, so the history reads in order. */
  now(): string {
    return new Date(this.startMs + this.counter * this.stepMs).toISOString();
  }

  addRun(procedure: ProcedureVersion, runId: string, title: string, unitSerial: string): Run {
    this.counter += 1;
    const { run, steps } = instantiateRun(procedure, { runId, title, unitSerial, at: this.now() });
    this.runs.set(run.id, run);
    for (const s of steps) this.steps.set(s.id, s);
    return run;
  }

  run(id: string): Run {
    const run = this.runs.get(id);
    if (!run) throw new Error(`demo: no run ${id}`);
    return run;
  }

  step(runId: string, origin: string): RunStep {
    const step = this.steps.get(`${runId}/${origin}`);
    if (!step) throw new Error(`demo: no step ${origin} in ${runId}`);
    return step;
  }

  stepsOf(runId: string): RunStep[] {
    return this.run(runId).stepIds.map((id) => this.steps.get(id)).filter((s): s is RunStep => s !== undefined);
  }

  private envelope(actorId: string) {
    this.counter += 1;
    return { id: `demo-${String(this.counter).padStart(5, '0')}`, stationId: this.stationId, actorId, at: this.now() };
  }

  stepOp<K extends StepKind>(kind: K, runId: string, origin: string, actorId: string, fields: Omit<OperationOf<K>, Envelope | 'runId' | 'stepId' | 'seen'>): OperationOf<K> {
    const run = this.run(runId);
    const batch = run.batchId === null ? undefined : this.batches.get(run.batchId);
    const seen = { stepVersion: this.step(runId, origin).version, batchId: batch?.id ?? null, batchMembers: batch ? [...batch.memberRunIds] : [] };
    return { ...this.envelope(actorId), kind, runId, stepId: `${runId}/${origin}`, seen, ...fields } as OperationOf<K>;
  }

  batchOp<K extends BatchKind>(kind: K, actorId: string, fields: Omit<OperationOf<K>, Envelope>): OperationOf<K> {
    return { ...this.envelope(actorId), kind, ...fields } as OperationOf<K>;
  }

  /** Applies an operation that must apply: the demo history is written to be valid. */
  must(op: Operation): ApplyResult {
    const result = applyOperation(this.state, op);
    if (result.outcome.status === 'rejected' || result.outcome.status === 'needs_review') {
      throw new Error(`demo: ${op.kind} on ${'stepId' in op ? op.stepId : op.kind} did not apply: ${result.outcome.reason}`);
    }
    for (const change of result.changes) this.write(change);
    return result;
  }

  /** Applies an operation that must leave a supervisor something to decide: the demo's review items. */
  mustRaiseReview(op: Operation): ApplyResult {
    const result = applyOperation(this.state, op);
    if (!result.changes.some((c) => c.entity === 'review')) {
      throw new Error(`demo: ${op.kind} raised no review item (${result.outcome.status})`);
    }
    for (const change of result.changes) this.write(change);
    return result;
  }

  /** Keeps the plant current (the shared in-place apply) and its evidence (signatures, audit). */
  private write(change: Change): void {
    applyChangesInPlace(this.mutable, [change]);
    if (change.entity === 'signature') this.signatures.push(change.row);
    if (change.entity === 'audit') this.audit.push(change.row);
  }

  /** Every row of the plant, as the server's truth for the station's cache. */
  rows(procedures: readonly ProcedureVersion[]): CacheChange[] {
    return [
      ...procedures.map((row) => ({ entity: 'procedure' as const, op: 'put' as const, row })),
      ...[...this.users.values()].map((row) => ({ entity: 'user' as const, op: 'put' as const, row })),
      ...[...this.runs.values()].map((row) => ({ entity: 'run' as const, op: 'put' as const, row })),
      ...[...this.steps.values()].map((row) => ({ entity: 'runStep' as const, op: 'put' as const, row })),
      ...[...this.batches.values()].map((row) => ({ entity: 'batch' as const, op: 'put' as const, row })),
      ...this.signatures.map((row) => ({ entity: 'signature' as const, op: 'put' as const, row })),
      ...this.audit.map((row) => ({ entity: 'audit' as const, op: 'put' as const, row })),
      ...[...this.reviews.values()].map((row) => ({ entity: 'review' as const, op: 'put' as const, row })),
    ];
  }
}
