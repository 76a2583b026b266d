import type { CacheChange } from './cacheChanges';
import { writeChanges } from './cacheChanges';
import type { CachedEntity, ShadowRow, StationDb } from './db';
import { createdKey } from './shadows';

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
  const keys = [...last.keys()];
  // Evidence rows the server sends that an operation here created: no longer to be deleted on undo.
  const evidence = [...last.values()].flatMap((c) =>
    c.op === 'put' && (c.entity === 'audit' || c.entity === 'signature') ? [{ id: c.row.id, key: createdKey(c.entity, c.row.operationId) }] : [],
  );
  const listKeys = [...new Set(evidence.map((e) => e.key))];
  const [shadows, lists] = await Promise.all([db.shadows.bulkGet(keys), db.shadows.bulkGet(listKeys)]);
  const shadowOf = new Map(keys.map((key, i) => [key, shadows[i]] as const));
  const updated: ShadowRow[] = [];
  const direct: CacheChange[] = [];
  for (const [key, change] of last) {
    const shadow = shadowOf.get(key);
    if (shadow === undefined) direct.push(change);
    else updated.push({ ...shadow, entity: change.entity as CachedEntity, row: change.op === 'put' ? change.row : null });
  }
  const sent = new Set(evidence.map((e) => e.id));
  for (const list of lists) {
    if (list?.created) updated.push({ ...list, created: list.created.filter((id) => !sent.has(id)) });
  }
  await Promise.all([writeChanges(db, direct, { shadow: false }), updated.length > 0 ? db.shadows.bulkPut(updated) : undefined]);
}
