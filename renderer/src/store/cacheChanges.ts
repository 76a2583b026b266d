import type { Table } from 'dexie';
import type { EngineState } from '../../../shared/engine/state';
import type { Change } from '../../../shared/schemas/change';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import type { Run } from '../../../shared/schemas/run';
import type { User } from '../../../shared/schemas/users';
import type { CachedAuditEntry, CachedEntity, ShadowRow, StationDb } from './db';
import { putServerRuns } from './runPages';
import { shadowsFor } from './shadows';

/** A write to the cache: the engine's changes, plus the reference rows the server sends and audit rows with their receive time. */
export type CacheChange =
  | Change
  | { entity: 'audit'; op: 'put'; row: CachedAuditEntry }
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
 * saved first (once per row, see shadows.ts), so that optimistic writes can be undone when the
 * server answers; `before` holds rows already read in this transaction, so they are not read
 * again. With `pack`, many new runs are kept as pages (runPages.ts): for the server's pages.
 * Must run inside a transaction over the cache tables and `shadows`.
 */
export async function writeChanges(
  db: StationDb,
  changes: readonly CacheChange[],
  options: { shadow: boolean; before?: EngineState; pack?: boolean },
): Promise<void> {
  const byEntity = new Map<AnyEntity, CacheChange[]>();
  for (const change of changes) {
    const list = byEntity.get(change.entity) ?? [];
    list.push(change);
    byEntity.set(change.entity, list);
  }
  const groups = [...byEntity].map(([entity, list]) => ({ entity, table: tableFor(db, entity), list }));
  // shadowsFor issues its reads of the cache tables before it first waits, so the writes can go
  // out at once, overlapping its lookups, without it seeing them (IndexedDB keeps request order).
  const shadows = options.shadow
    ? shadowsFor(db, groups.map((g) => ({ entity: g.entity as CachedEntity, table: g.table, ids: g.list.map(idOf), operationOf: operationsOf(g.list) })), options.before)
    : Promise.resolve([]);
  const putRuns = options.pack === true ? (runs: readonly Run[]) => putServerRuns(db, runs) : undefined;
  const writes = Promise.all(groups.map((g) => writeInOrder(g.entity, g.table, g.list, g.entity === 'run' ? putRuns : undefined)));
  const rows = await shadows;
  await Promise.all([rows.length > 0 ? db.shadows.bulkPut(rows) : undefined, writes]);
}

/** The operation behind each evidence row (audit entries and signatures carry its id). */
function operationsOf(list: readonly CacheChange[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const change of list) {
    if (change.op === 'put' && 'operationId' in change.row && typeof change.row.operationId === 'string') found.set(change.row.id, change.row.operationId);
  }
  return found;
}

/** Applies one table's changes in order; consecutive puts go in one bulk call (`putAll`'s, when given). */
async function writeInOrder(
  entity: CacheChange['entity'],
  table: Table<{ id: string }, string>,
  list: readonly CacheChange[],
  putAll?: (rows: readonly Run[]) => Promise<unknown>,
): Promise<void> {
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
  if (puts.size > 0) await (putAll ? putAll([...puts.values()] as Run[]) : table.bulkPut([...puts.values()]));
  if (deletes.size > 0) await table.bulkDelete([...deletes]);
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

/** Puts every optimistically changed row back as the server last sent it, and forgets the shadows. */
export async function restoreShadows(db: StationDb): Promise<void> {
  const shadows = await db.shadows.toArray();
  const byEntity = new Map<CachedEntity, ShadowRow[]>();
  for (const s of shadows) {
    const list = byEntity.get(s.entity) ?? [];
    list.push(s);
    byEntity.set(s.entity, list);
  }
  // Issued together, not table after table: IndexedDB runs a transaction's requests in the order
  // they are made, so each table's puts still precede its deletes, and the page waits once.
  const writes = [...byEntity].flatMap(([entity, list]) => {
    const table = tableFor(db, entity);
    const puts = list.filter((s) => s.row !== null).map((s) => s.row as { id: string });
    const deletes = list.filter((s) => s.row === null).flatMap((s) => s.created ?? [s.id]);
    return [puts.length > 0 ? table.bulkPut(puts) : undefined, deletes.length > 0 ? table.bulkDelete(deletes) : undefined];
  });
  await Promise.all([...writes, db.shadows.clear()]);
}
