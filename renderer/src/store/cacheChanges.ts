import type { Table } from 'dexie';
import type { Change } from '../../../shared/schemas/change';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { User } from '../../../shared/schemas/users';
import type { CachedEntity, ShadowRow, StationDb } from './db';

/** A write to the cache: the engine's changes, plus the reference rows the server sends. */
export type CacheChange =
  | Change
  | { entity: 'procedure'; op: 'put'; row: ProcedureVersion }
  | { entity: 'user'; op: 'put'; row: User };

type AnyEntity = CacheChange['entity'];

function tableFor(db: StationDb, entity: AnyEntity): Table<{ id: string }, string> {
  const tables: Record<AnyEntity, Table> = {
    run: db.runs,
    runStep: db.runSteps,
    batch: db.batches,
    signature: db.signatures,
    audit: db.audit,
    review: db.reviews,
    procedure: db.procedures,
    user: db.users,
  };
  return tables[entity] as Table<{ id: string }, string>;
}

const idOf = (change: CacheChange) => (change.op === 'put' ? change.row.id : change.id);

/**
 * Writes changes grouped by table, in bulk. With `shadow`, the server's version of each row is
 * saved first (once per row), so that optimistic writes can be undone when the server answers.
 * Must run inside a transaction over the cache tables and `shadows`.
 */
export async function writeChanges(db: StationDb, changes: readonly CacheChange[], options: { shadow: boolean }): Promise<void> {
  const byEntity = new Map<AnyEntity, CacheChange[]>();
  for (const change of changes) {
    const list = byEntity.get(change.entity) ?? [];
    list.push(change);
    byEntity.set(change.entity, list);
  }
  for (const [entity, list] of byEntity) {
    const table = tableFor(db, entity);
    if (options.shadow) await saveShadows(db, entity as CachedEntity, table, list.map(idOf));
    // Apply in order; consecutive puts go in one bulk call.
    const puts = new Map<string, { id: string }>();
    const deletes = new Set<string>();
    for (const change of list) {
      if (change.op === 'put') {
        deletes.delete(change.row.id);
        puts.set(change.row.id, change.row);
      } else {
        puts.delete(change.id);
        deletes.add(change.id);
      }
    }
    if (entity === 'review') await dropOlderReviews(table, puts);
    if (puts.size > 0) await table.bulkPut([...puts.values()]);
    if (deletes.size > 0) await table.bulkDelete([...deletes]);
  }
}

/**
 * A review row only moves forward (raised, then resolved once): an operation re-applied on this
 * station (rebase) may raise its review again, and must not write over a decision already here.
 */
async function dropOlderReviews(table: Table<{ id: string }, string>, puts: Map<string, { id: string }>): Promise<void> {
  const ids = [...puts.keys()];
  const existing = (await table.bulkGet(ids)) as ({ version: number } | undefined)[];
  ids.forEach((id, i) => {
    const have = existing[i];
    const next = puts.get(id) as { version: number } | undefined;
    if (have && next && have.version > next.version) puts.delete(id);
  });
}

async function saveShadows(db: StationDb, entity: CachedEntity, table: Table<{ id: string }, string>, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const keys = unique.map((id) => `${entity}:${id}`);
  const existing = await db.shadows.bulkGet(keys);
  const missing = unique.filter((_, i) => existing[i] === undefined);
  if (missing.length === 0) return;
  const rows = await table.bulkGet(missing);
  const shadows: ShadowRow[] = missing.map((id, i) => ({ key: `${entity}:${id}`, entity, id, row: rows[i] ?? null }));
  await db.shadows.bulkPut(shadows);
}

/** Puts every optimistically changed row back as the server last sent it, and forgets the shadows. */
export async function restoreShadows(db: StationDb): Promise<void> {
  const shadows = await db.shadows.toArray();
  const byEntity = new Map<CachedEntity, ShadowRow[]>();
  for (const s of shadows) byEntity.set(s.entity, [...(byEntity.get(s.entity) ?? []), s]);
  for (const [entity, list] of byEntity) {
    const table = tableFor(db, entity);
    const puts = list.filter((s) => s.row !== null).map((s) => s.row as { id: string });
    const deletes = list.filter((s) => s.row === null).map((s) => s.id);
    if (puts.length > 0) await table.bulkPut(puts);
    if (deletes.length > 0) await table.bulkDelete(deletes);
  }
  await db.shadows.clear();
}
