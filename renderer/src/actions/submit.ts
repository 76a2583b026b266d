import { Operation } from '../../../shared/schemas/operation';
import type { Outcome } from '../../../shared/schemas/outcome';
import { parseInput } from '../../../shared/schemas/parse';
import type { StationDb } from '../store/db';
import { enqueue, type EnqueueResult } from '../store/enqueue';

export type Saved = Extract<Outcome, { status: 'applied' | 'applied_with_exclusions' }>;
export type SubmitResult = { ok: true; outcome: Saved } | { ok: false; reason: string };

/**
 * Checks the operation's shape (the server will check the same), then hands it to the store,
 * which validates it with the engine and writes it durably with its effects. Resolves only once
 * it is committed: the caller shows it done after that, never before.
 */
export async function submit(db: StationDb, op: Operation, save: (op: Operation) => Promise<EnqueueResult> = (o) => enqueue(db, o)): Promise<SubmitResult> {
  const parsed = parseInput(Operation, op);
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  try {
    const result = await save(parsed.value);
    return result.ok ? { ok: true, outcome: result.outcome } : { ok: false, reason: result.outcome.reason };
  } catch (error) {
    return { ok: false, reason: `It could not be saved on this station (${error instanceof Error ? error.message : String(error)})` };
  }
}
