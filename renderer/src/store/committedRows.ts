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

  /**
   * A DBCore middleware collecting the watched stores' writes. Register it before opening. It
   * listens for each writing transaction's `complete` from the moment the transaction is made,
   * before Dexie does: the listeners hear of a commit before the code that waited for it goes on
   * (a saved change is drawn before its dialog closes and its message shows, not after).
   */
  middleware(): Middleware<DBCore> {
    const tap = mutationTap('committedRows', watched, (store, req, res, trans) => {
      const into = this.open.get(trans);
      if (into) this.record(into, store, req, res);
    });
    return {
      ...tap,
      create: (down) => ({
        ...tap.create(down),
        transaction: (stores, mode, options) => {
          const trans = down.transaction(stores, mode, options);
          // With nobody listening (no run view open), a bootstrap's pages are not collected.
          if (mode === 'readwrite' && this.listeners.size > 0 && stores.some((s) => watched.has(s))) this.follow(trans as unknown as IDBTransaction);
          return trans;
        },
      }),
    };
  }

  private follow(trans: IDBTransaction): void {
    const into: Collecting = { runs: new Map(), steps: new Map(), shadowed: new Set(), unshadowed: new Set(), cleared: false };
    this.open.set(trans, into);
    trans.addEventListener('complete', () => {
      const wrote = into.cleared || into.runs.size > 0 || into.steps.size > 0 || into.shadowed.size > 0 || into.unshadowed.size > 0;
      if (wrote) for (const listener of this.listeners) listener(into);
    });
  }

  private record(into: Collecting, store: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
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
