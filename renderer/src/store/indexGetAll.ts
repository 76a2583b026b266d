import Dexie, { type Transaction } from 'dexie';

/**
 * The rows of `store` whose `index` equals each key, one native getAll per key, all issued at
 * once in the caller's Dexie transaction. Dexie's where(index).equals(key).toArray() does the
 * same request but costs ~45 µs of bookkeeping per call in Chromium (101 runs' steps: ~15 ms
 * against ~10 ms), and anyOf walks a cursor row by row instead. Outside a transaction it falls
 * back to Dexie's own calls.
 */
export function indexGetAll<T>(db: Dexie, store: string, index: string, keys: readonly string[]): Promise<T[][]> {
  // Typed as always present, but undefined outside a transaction.
  const trans = Dexie.currentTransaction as Transaction | undefined;
  const idbtrans = trans?.db === db ? (trans.idbtrans as IDBTransaction | null) : null;
  if (!idbtrans) return Promise.all(keys.map((key) => db.table<T>(store).where(index).equals(key).toArray()));
  // A Dexie promise keeps the transaction's zone, so the caller's next calls stay in it.
  return new Dexie.Promise<T[][]>((resolve, reject) => {
    const source = idbtrans.objectStore(store).index(index);
    const results: T[][] = keys.map(() => []);
    let left = keys.length;
    if (left === 0) resolve(results);
    keys.forEach((key, i) => {
      const request = source.getAll(key);
      request.onsuccess = () => {
        results[i] = request.result as T[];
        left -= 1;
        if (left === 0) resolve(results);
      };
      // The failed request aborts the transaction as well, so nothing is written.
      request.onerror = () => {
        reject(request.error ?? new Error(`Reading ${store} by ${index} failed`));
      };
    });
  });
}
