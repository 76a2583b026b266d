import type { Batch } from '../schemas/batch';
import type { Change } from '../schemas/change';
import type { Review } from '../schemas/review';
import type { Run, RunStep } from '../schemas/run';
import type { User } from '../schemas/users';

/**
 * What the engine reads: the rows an operation touches. The server and the station each load
 * just the slice an operation needs (see scope.ts); tests may hold a whole plant in one.
 */
export interface EngineState {
  readonly runs: ReadonlyMap<string, Run>;
  readonly steps: ReadonlyMap<string, RunStep>;
  readonly batches: ReadonlyMap<string, Batch>;
  readonly users: ReadonlyMap<string, User>;
  /** Review items a resolveReview names (the engine only reads the one it resolves). */
  readonly reviews: ReadonlyMap<string, Review>;
}

export function emptyState(): MutableEngineState {
  return { runs: new Map(), steps: new Map(), batches: new Map(), users: new Map(), reviews: new Map() };
}

export function stateFrom(rows: {
  runs?: Iterable<Run>;
  steps?: Iterable<RunStep>;
  batches?: Iterable<Batch>;
  users?: Iterable<User>;
  reviews?: Iterable<Review>;
}): EngineState {
  const byId = <T extends { id: string }>(items: Iterable<T> | undefined) =>
    new Map([...(items ?? [])].map((item) => [item.id, item] as const));
  return {
    runs: byId(rows.runs),
    steps: byId(rows.steps),
    batches: byId(rows.batches),
    users: byId(rows.users),
    reviews: byId(rows.reviews),
  };
}

/**
 * The state after the changes, without touching the one given (maps that do not change are shared).
 * Signatures and audit entries are not engine state: they are evidence kept by the stores.
 */
export function applyChanges(state: EngineState, changes: readonly Change[]): EngineState {
  const touched = new Set(changes.map((c) => c.entity));
  if (!touched.has('run') && !touched.has('runStep') && !touched.has('batch') && !touched.has('review')) return state;
  // Only the maps the changes write are copied; the others are shared and never written.
  const next: MutableEngineState = {
    runs: touched.has('run') ? new Map(state.runs) : (state.runs as Map<string, Run>),
    steps: touched.has('runStep') ? new Map(state.steps) : (state.steps as Map<string, RunStep>),
    batches: touched.has('batch') ? new Map(state.batches) : (state.batches as Map<string, Batch>),
    users: state.users as Map<string, User>,
    reviews: touched.has('review') ? new Map(state.reviews) : (state.reviews as Map<string, Review>),
  };
  applyChangesInPlace(next, changes);
  return next;
}

/** A state whose maps a single owner may update in place (see `applyChangesInPlace`). */
export interface MutableEngineState {
  readonly runs: Map<string, Run>;
  readonly steps: Map<string, RunStep>;
  readonly batches: Map<string, Batch>;
  readonly users: Map<string, User>;
  readonly reviews: Map<string, Review>;
}

/**
 * Applies changes to a state its owner holds alone, without copying: for a store that keeps the
 * rows it loaded for a while (the server, for the length of one push) and must keep them current.
 */
export function applyChangesInPlace(state: MutableEngineState, changes: readonly Change[]): void {
  for (const change of changes) {
    switch (change.entity) {
      case 'run':
        state.runs.set(change.row.id, change.row);
        break;
      case 'runStep':
        state.steps.set(change.row.id, change.row);
        break;
      case 'batch':
        if (change.op === 'put') state.batches.set(change.row.id, change.row);
        else state.batches.delete(change.id);
        break;
      case 'review':
        state.reviews.set(change.row.id, change.row);
        break;
      case 'signature':
      case 'audit':
        break;
      default:
        change satisfies never;
    }
  }
}
