import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { Run } from '../../../shared/schemas/run';

/** What one committed write did to the runs store. */
export type RunWrite = { kind: 'rows'; put: readonly Run[]; deleted: readonly string[] } | { kind: 'cleared' };

/**
 * The listeners told of every write to the runs store that Dexie makes, once its transaction has
 * committed (an aborted write tells nobody). Only writes past Dexie go unseen: the bulk seed at
 * boot, before anyone listens.
 */
export class RunWrites {
  private readonly listeners = new Set<(write: RunWrite) => void>();

  listen(listener: (write: RunWrite) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(write: RunWrite): void {
    for (const listener of this.listeners) listener(write);
  }

  /** A DBCore middleware reporting the runs store's writes here. Register it before opening. */
  middleware(): Middleware<DBCore> {
    return {
      stack: 'dbcore',
      name: 'runWrites',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'runs') return table;
          return {
            ...table,
            // `.then` on the promise the layer below returns, not an async function: a native
            // promise here would take the caller's continuation out of Dexie's transaction zone,
            // and a transaction that writes again after it committed too early.
            mutate: (req) =>
              table.mutate(req).then((res) => {
                const write = writeOf(req, res);
                if (write && this.listeners.size > 0) {
                  // DBCore's transaction is the IndexedDB transaction itself.
                  (req.trans as unknown as IDBTransaction).addEventListener('complete', () => {
                    this.emit(write);
                  });
                }
                return res;
              }),
          };
        },
      }),
    };
  }
}

function writeOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): RunWrite | null {
  const ok = (_: unknown, i: number) => !(i in res.failures);
  switch (req.type) {
    case 'add':
    case 'put':
      return { kind: 'rows', put: (req.values as Run[]).filter(ok), deleted: [] };
    case 'delete':
      return { kind: 'rows', put: [], deleted: (req.keys as string[]).filter(ok) };
    case 'deleteRange':
      return { kind: 'cleared' };
    default:
      return req satisfies never;
  }
}
