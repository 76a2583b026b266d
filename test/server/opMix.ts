import type { Operation, Seen } from '../../shared/schemas/operation';
import { users, type Who } from '../shared/fixtures';

/** A seeded generator, so a mix of operations is the same on every run of a test. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const origins = ['inspect', 'connector', 'solder', 'rail', 'torque'] as const;

/**
 * `count` step operations on board runs, of kinds that collide (start, hold, release, fail,
 * skip, reopen, sign-off), all claiming to have seen version 0: some apply, some propagate,
 * some are rejected and some need review. Deterministic for a given seed.
 */
export function operationMix(options: {
  stationId: string;
  count: number;
  seed: number;
  runIds: readonly string[];
  seenBatch?: (runId: string) => Pick<Seen, 'batchId' | 'batchMembers'>;
  idPrefix?: string;
}): Operation[] {
  const random = seeded(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: options.count }, (_, i) => {
    const runId = pick(options.runIds);
    const origin = pick(origins);
    const who: Who = pick(['tech', 'tech2', 'sup'] as const);
    const envelope = {
      id: `${options.idPrefix ?? options.stationId}-${String(i)}`,
      stationId: options.stationId,
      actorId: users[who].id,
      at: new Date(Date.UTC(2026, 10, 26, 10, 0, 0) + i * 1000).toISOString(),
      runId,
      stepId: `${runId}/${origin}`,
      seen: { stepVersion: 0, ...(options.seenBatch?.(runId) ?? { batchId: null, batchMembers: [] }) },
    };
    const kind = pick(['start', 'hold', 'release', 'fail', 'skip', 'reopen', 'signOff', 'start', 'signOff'] as const);
    switch (kind) {
      case 'start':
      case 'release':
        return { ...envelope, kind };
      case 'hold':
      case 'fail':
      case 'skip':
      case 'reopen':
        return { ...envelope, kind, reason: `${kind} ${String(i)}` };
      case 'signOff':
        return { ...envelope, kind, meaning: 'performed', fieldValues: {} };
      default:
        return kind satisfies never;
    }
  });
}
