import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';

/** Called for each successful-or-partly-failed write to a watched store, inside its transaction. */
export type MutationSeen = (store: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse, trans: IDBTransaction) => void;

/**
 * A DBCore middleware that shows `seen` every write Dexie makes to `stores`, with the IndexedDB
 * transaction it belongs to (so a listener can wait for its `complete`: an aborted write tells
 * nobody). Register it before opening the database.
 */
export function mutationTap(name: string, stores: ReadonlySet<string>, seen: MutationSeen): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (!stores.has(tableName)) return table;
        return {
          ...table,
          // `.then` on the promise the layer below returns, not an async function: a native
          // promise here would take the caller's continuation out of Dexie's transaction zone,
          // and a transaction that writes again after it committed too early.
          mutate: (req) =>
            table.mutate(req).then((res) => {
              // DBCore's transaction is the IndexedDB transaction itself.
              seen(tableName, req, res, req.trans as unknown as IDBTransaction);
              return res;
            }),
        };
      },
    }),
  };
}

/** The rows or keys of a write that did not fail. */
export const succeeded = (res: DBCoreMutateResponse) => (_: unknown, i: number) => !(i in res.failures);
