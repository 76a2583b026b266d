import type { Operation, OperationOf, Seen, StepOperation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import type { RunStep } from '../../shared/schemas/run';
import type { Store } from '../storage/store';
import { applyOne } from '../sync/applyOne';

type StepFields<K extends StepOperation['kind']> = Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at' | 'runId' | 'stepId' | 'seen'>;
type BatchKind = Exclude<Operation['kind'], StepOperation['kind']>;

/**
 * Acts like a station that is always in sync, recording the demo history: each operation is built
 * from what the store holds now (its `seen`) and applied through the same path as a push, so the
 * demo's states, signatures, audit trail and feed are the engine's own.
 */
export class SeedDriver {
  private seq: number;
  private clock: number;
  private made = 0;

  constructor(
    private readonly store: Store,
    private readonly stationId: string,
    startMs: number,
  ) {
    this.seq = store.operations.nextSeq(stationId);
    this.clock = startMs;
  }

  /** The station clock: a minute or two per action. */
  at(): string {
    this.clock += 60_000 + (this.seq % 7) * 15_000;
    return new Date(this.clock).toISOString();
  }

  step(runId: string, stepId: string): RunStep {
    const step = this.store.reads.steps(runId).find((s) => s.id === stepId);
    if (!step) throw new Error(`demo seed: no step ${stepId} in ${runId}`);
    return step;
  }

  seen(runId: string, stepId: string): Seen {
    const run = this.store.reads.run(runId);
    const batch = run?.batchId ? this.store.reads.batch(run.batchId)?.batch : undefined;
    return { stepVersion: this.step(runId, stepId).version, batchId: batch?.id ?? null, batchMembers: batch ? [...batch.memberRunIds] : [] };
  }

  stepOp<K extends StepOperation['kind']>(kind: K, runId: string, stepId: string, actorId: string, fields: StepFields<K>): OperationOf<K> {
    return { ...this.envelope(actorId), kind, runId, stepId, seen: this.seen(runId, stepId), ...fields } as OperationOf<K>;
  }

  batchOp<K extends BatchKind>(kind: K, actorId: string, fields: Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at'>): OperationOf<K> {
    return { ...this.envelope(actorId), kind, ...fields } as OperationOf<K>;
  }

  /** Applies and returns the outcome, whatever it is. */
  apply(op: Operation): Outcome {
    const { outcome } = applyOne(this.store, op, this.seq, new Date(this.clock).toISOString());
    this.seq += 1;
    return outcome;
  }

  /** Applies an operation the demo script expects to take effect. */
  must(op: Operation): void {
    const outcome = this.apply(op);
    if (outcome.status === 'rejected' || outcome.status === 'needs_review') {
      throw new Error(`demo seed: ${op.kind} on ${'stepId' in op ? op.stepId : op.kind} did not apply: ${outcome.reason}`);
    }
  }

  private envelope(actorId: string) {
    this.made += 1;
    return { id: `${this.stationId}:${String(this.made)}`, stationId: this.stationId, actorId, at: this.at() };
  }
}
