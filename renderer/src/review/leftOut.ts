import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Batch } from '../../../shared/schemas/batch';
import type { Exclusion } from '../../../shared/schemas/outcome';
import type { RunStep } from '../../../shared/schemas/run';
import { siblingKey } from '../../../shared/engine/siblings';

/** Run step id → why a change made through the batch did not reach it. */
export type LeftOut = ReadonlyMap<string, string>;

const joinActions = new Set(['createBatch', 'addRunsToBatch']);

/**
 * The cells of a batch that a change made through the batch did not reach and that still differ
 * from it. The station only keeps the server's verdict for its own operations, so this is read
 * from the audit trail, which every station has: a state change that propagated through the batch
 * (an entry with provenance, or its source entry) and has no entry of its own on a sibling that
 * was already a member when it was made. A sibling that has since reached the same state, or a
 * source that has since moved on, no longer needs anyone. `known` adds the exact reasons this
 * station's own outcomes gave.
 */
export function leftOutCells(batch: Batch, steps: readonly RunStep[], audit: readonly AuditEntry[], known: readonly Exclusion[] = []): Map<string, string> {
  const members = new Set(batch.memberRunIds);
  const joinedAt = new Map<string, string>();
  for (const entry of audit) {
    if (entry.batchId !== batch.id || entry.runId === null || entry.stepId !== null || !joinActions.has(entry.action)) continue;
    const before = joinedAt.get(entry.runId);
    if (before === undefined || entry.at > before) joinedAt.set(entry.runId, entry.at);
  }
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const byKey = new Map<string, RunStep[]>();
  for (const step of steps) {
    const key = siblingKey(step);
    byKey.set(key, [...(byKey.get(key) ?? []), step]);
  }
  const byOperation = new Map<string, AuditEntry[]>();
  for (const entry of audit) {
    if (entry.stepId === null || entry.toState === null || entry.fromState === entry.toState) continue;
    byOperation.set(entry.operationId, [...(byOperation.get(entry.operationId) ?? []), entry]);
  }

  const result = new Map<string, { at: string; reason: string }>();
  for (const entries of byOperation.values()) {
    const source = entries.find((e) => e.provenance === null && e.batchId === batch.id);
    if (!source?.stepId || source.runId === null) continue;
    const sourceStep = stepById.get(source.stepId);
    if (!sourceStep || sourceStep.state !== source.toState) continue;
    const reached = new Set(entries.map((e) => e.runId));
    for (const sibling of byKey.get(siblingKey(sourceStep)) ?? []) {
      if (sibling.runId === source.runId || reached.has(sibling.runId) || !members.has(sibling.runId)) continue;
      const joined = joinedAt.get(sibling.runId);
      if (joined === undefined || joined > source.at || sibling.state === source.toState) continue;
      const earlier = result.get(sibling.id);
      if (earlier && earlier.at > source.at) continue;
      result.set(sibling.id, { at: source.at, reason: `Not reached by the ${actionWord(source.action)} from run ${source.runId}` });
    }
  }
  const cells = new Map([...result].map(([id, v]) => [id, v.reason]));
  for (const e of known) {
    const step = e.stepId === null ? undefined : stepById.get(e.stepId);
    if (step && cells.has(step.id)) cells.set(step.id, e.reason);
  }
  return cells;
}

const actionWords: Record<string, string> = {
  signOff: 'sign-off',
  start: 'start',
  skip: 'skip',
  fail: 'failure',
  hold: 'hold',
  release: 'release',
  reopen: 'reopening',
  redlineOpen: 'redline',
  redlineFinish: 'finished redline',
  redlineCancel: 'cancelled redline',
};

function actionWord(action: string): string {
  return actionWords[action] ?? action;
}
