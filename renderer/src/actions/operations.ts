import type { Operation, OperationOf, Seen, StepOperation } from '../../../shared/schemas/operation';
import type { StationDb } from '../store/db';
import { seenFor } from '../store/seen';

type StepKind = StepOperation['kind'];
type BatchKind = Exclude<Operation['kind'], StepKind>;
type Envelope = 'kind' | 'id' | 'stationId' | 'actorId' | 'at';
export type StepFields<K extends StepKind> = Omit<OperationOf<K>, Envelope | 'runId' | 'stepId' | 'seen'>;
export type BatchFields<K extends BatchKind> = Omit<OperationOf<K>, Envelope>;

export interface Author {
  stationId: string;
  actorId: string;
}

/** Every operation: a fresh id, this station, the signed-in person, the station's clock. */
export function envelope(author: Author) {
  return { id: crypto.randomUUID(), stationId: author.stationId, actorId: author.actorId, at: new Date().toISOString() };
}

/**
 * A step operation carrying what the person sees of the step and its batch: `onScreen` when the
 * caller has it (a dialog, from the rows it drew), else read from the cache now.
 */
export async function stepOperation<K extends StepKind>(db: StationDb, author: Author, kind: K, runId: string, stepId: string, fields: StepFields<K>, onScreen?: Seen): Promise<OperationOf<K>> {
  const seen = onScreen ?? (await seenFor(db, runId, stepId));
  return { ...envelope(author), kind, runId, stepId, seen, ...fields } as OperationOf<K>;
}

export function batchOperation<K extends BatchKind>(author: Author, kind: K, fields: BatchFields<K>): OperationOf<K> {
  return { ...envelope(author), kind, ...fields } as OperationOf<K>;
}
