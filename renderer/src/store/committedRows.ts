import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { Run, RunStep } from '../../../shared/schemas/run';
import { mutationTap, succeeded } from './mutationTap';

/**
 * What one committed transaction wrote to the runs, their steps and the shadows (the marks of
 * changes not yet confirmed by the server). A value of null is a deleted row. `cleared` says a
 * whole store was emptied, which these maps cannot describe: a listener then waits for a re-read.
 */
export interface CommittedRows {
  runs: ReadonlyMap<string, Run | null>;
  steps: ReadonlyMap<string, RunStep | null>;
  /** Shadow keys written (`run:<id>`, `runStep:<id>`, …): those rows now carry a local change. */
  shadowed: ReadonlySet<string>;
  /** Shadow keys deleted: the server confirmed or replaced those rows. */
  unshadowed: ReadonlySet<string>;
  cleared: boolean;
}

interface Collecting {
  runs: Map<string, Run | null>;
  steps: Map<string, RunStep | null>;
  shadowed: Set<string>;
  unshadowed: Set<string>;
  cleared: boolean;
}

const watched = new Set(['runs', 'runSteps', 'shadows']);

/**
 * Tells its listeners, once per transaction and only after it has committed, the rows it wrote
 * to runs, runSteps and shadows. The run view draws a change from this the moment it is durable,
 * instead of waiting for its live query to read the same rows back (docs/station-ui.md).
 * Writes that bypass Dexie (the bulk seed at boot) go unseen, as with RunWrites.
 */
export class CommittedRowsFeed {
  private readonly listeners = new Set<(rows: CommittedRows) => void>();
  private readonly open = new WeakMap<IDBTransaction, Collecting>();

  listen(listener: (rows: CommittedRows) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A DBCore middleware collecting the watched stores' writes. Register it before opening. */
  middleware(): Middleware<DBCore> {
    return mutationTap('committedRows', watched, (store, req, res, trans) => {
      if (this.listeners.size > 0) this.record(store, req, res, trans);
    });
  }

  private collecting(trans: IDBTransaction): Collecting {
    const known = this.open.get(trans);
    if (known) return known;
    const fresh: Collecting = { runs: new Map(), steps: new Map(), shadowed: new Set(), unshadowed: new Set(), cleared: false };
    this.open.set(trans, fresh);
    trans.addEventListener('complete', () => {
      for (const listener of this.listeners) listener(fresh);
    });
    return fresh;
  }

  private record(store: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse, trans: IDBTransaction): void {
    const into = this.collecting(trans);
    const ok = succeeded(res);
    if (req.type === 'deleteRange') {
      into.cleared = true;
      return;
    }
    if (store === 'shadows') {
      const keys = req.type === 'delete' ? (req.keys as string[]).filter(ok) : (req.values as { key: string }[]).filter(ok).map((s) => s.key);
      for (const key of keys) {
        if (req.type === 'delete') {
          into.shadowed.delete(key);
          into.unshadowed.add(key);
        } else {
          into.unshadowed.delete(key);
          into.shadowed.add(key);
        }
      }
      return;
    }
    const rows = (store === 'runs' ? into.runs : into.steps) as Map<string, Run | RunStep | null>;
    if (req.type === 'delete') for (const id of (req.keys as string[]).filter(ok)) rows.set(id, null);
    else for (const row of (req.values as (Run | RunStep)[]).filter(ok)) rows.set(row.id, row);
  }
}
