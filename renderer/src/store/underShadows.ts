import type { CacheChange } from './cacheChanges';
import { writeChanges } from './cacheChanges';
import type { CachedEntity, ShadowRow, StationDb } from './db';
import { createdKey } from './shadows';
import { storedKeys } from './storedKeys';

const idOf = (change: CacheChange) => (change.op === 'put' ? change.row.id : change.id);

/**
 * Writes server rows while optimistic writes stay on screen: a row an operation waiting here has
 * changed keeps its optimistic version, and its shadow takes the server's (so the undo after the
 * last page of a catch-up puts back the newest server row); every other row is written as it
 * comes. Must run inside a transaction over the cache tables and `shadows`.
 */
export async function writeUnderShadows(db: StationDb, changes: readonly CacheChange[]): Promise<void> {
  // Only the last change to a row counts, as in writeChanges.
  const last = new Map<string, CacheChange>();
  for (const change of changes) last.set(`${change.entity}:${idOf(change)}`, change);
  // Evidence rows the server sends that an operation here created: no longer to be deleted on undo.
  const evidence = [...last.values()].flatMap((c) =>
    c.op === 'put' && (c.entity === 'audit' || c.entity === 'signature') ? [{ id: c.row.id, key: createdKey(c.entity, c.row.operationId) }] : [],
  );
  // Which of the page's rows have a shadow: their keys only, one range per entity (storedKeys.ts;
  // a catch-up answers operations in order, so a page's rows sit together), not the whole store's
  // keys (10,000 to 20,000 of them in a long drain, read again for every page). A row's shadow is
  // its key, entity, id and row, so it is rewritten without being read; an evidence list is read
  // to be filtered (undefined where the operation made none).
  const keysByEntity = new Map<string, string[]>();
  for (const [key, change] of last) {
    const keys = keysByEntity.get(change.entity);
    if (keys) keys.push(key);
    else keysByEntity.set(change.entity, [key]);
  }
  const listKeys = [...new Set(evidence.map((e) => e.key))];
  const listsRead = db.shadows.bulkGet(listKeys);
  const shadowed = new Set((await Promise.all([...keysByEntity.values()].map((keys) => storedKeys(db.shadows, keys)))).flatMap((found) => [...found]));
  const updated: ShadowRow[] = [];
  const direct: CacheChange[] = [];
  for (const [key, change] of last) {
    if (!shadowed.has(key)) direct.push(change);
    else updated.push({ key, entity: change.entity as CachedEntity, id: idOf(change), row: change.op === 'put' ? change.row : null });
  }
  const writes = Promise.all([writeChanges(db, direct, { shadow: false }), updated.length > 0 ? db.shadows.bulkPut(updated) : undefined]);
  const sent = new Set(evidence.map((e) => e.id));
  const lists = (await listsRead).flatMap((list) => (list?.created ? [{ ...list, created: list.created.filter((id) => !sent.has(id)) }] : []));
  // A list the server has now sent all of undoes nothing: it goes, rather than being kept empty
  // (a drain of 10,000 operations otherwise left 10,000 of them for the last page to read).
  const kept = lists.filter((l) => l.created.length > 0);
  const emptied = lists.filter((l) => l.created.length === 0).map((l) => l.key);
  await Promise.all([writes, kept.length > 0 ? db.shadows.bulkPut(kept) : undefined, emptied.length > 0 ? db.shadows.bulkDelete(emptied) : undefined]);
}
