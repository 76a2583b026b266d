import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/** The meta row whose value changes with every committed write to the cache tables. */
export const writeTokenKey = 'written';

/** The stores the engine reads its slices from: a write to any of them changes the token. */
export const tokenedStores: ReadonlySet<string> = new Set(['runs', 'runPages', 'runSteps', 'batches', 'users', 'signatures', 'audit', 'procedures', 'reviews']);

// Unique across this page's writes (the counter) and other pages' and tabs' (the random part).
// (getRandomValues, unlike randomUUID, is there outside secure contexts too.)
const origin = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
let written = 0;

/** A value no other write to this cache has left in the token. */
export function newWriteToken(): string {
  written += 1;
  return `${origin}:${String(written)}`;
}

/** A write to the cache tables in a transaction that cannot change the token. */
export class UntokenedWriteError extends Error {
  override readonly name = 'UntokenedWriteError';
}

/**
 * A DBCore middleware that changes the write token (meta `written`) in every transaction that
 * writes a cache table, before its first such write. A reader that saw the token and then read
 * rows knows, by finding the same token later, that none of those rows has changed since: the
 * save after a preview checks one meta row instead of reading its slice again (sliceMemo.ts).
 * A transaction over a cache table must therefore include `meta`; one that does not fails at its
 * first write, and writes nothing. Register it before opening the database.
 */
export function writeTokenMiddleware(): Middleware<DBCore> {
  const stamped = new WeakSet<IDBTransaction>();
  return {
    stack: 'dbcore',
    name: 'writeToken',
    create: (down) => ({
      ...down,
      table: (tableName): DBCoreTable => {
        const table = down.table(tableName);
        if (!tokenedStores.has(tableName)) return table;
        return {
          ...table,
          mutate: (req) => {
            // DBCore's transaction is the IndexedDB transaction itself.
            const trans = req.trans as unknown as IDBTransaction;
            if (!stamped.has(trans)) {
              // Thrown, Dexie rejects the write and aborts its transaction.
              if (!trans.objectStoreNames.contains('meta')) throw new UntokenedWriteError(`A write to ${tableName} must share its transaction with meta, where the cache's write token changes.`);
              stamped.add(trans);
              // Not waited for: IndexedDB keeps the order of a transaction's requests, and a
              // failed write aborts the transaction with the rest of it.
              void down.table('meta').mutate({ type: 'put', trans: req.trans, values: [{ key: writeTokenKey, value: newWriteToken() }] }).catch(() => undefined);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
