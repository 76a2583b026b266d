import type { Table } from 'dexie';
import type { EngineState } from '../../../shared/engine/state';
import type { CachedEntity, ShadowRow, StationDb } from './db';
import { isPristineCopy } from './runSteps';
import { storedKeys } from './storedKeys';

/** The rows of one entity an optimistic write is about to change. */
export interface ShadowTarget {
  entity: CachedEntity;
  table: Table<{ id: string }, string>;
  ids: readonly string[];
  /** For evidence rows: the operation that writes each (by id), which names their shared shadow. */
  operationOf?: ReadonlyMap<string, string>;
}

/** The key of the shadow listing the evidence rows of `entity` that operation `operationId` created. */
export const createdKey = (entity: CachedEntity, operationId: string) => `new:${entity}:${operationId}`;

/**
 * Evidence rows (audit entries, signatures) are only ever added, under ids derived from the
 * operation's id: an optimistic write of them creates them, and one shadow listing their ids is
 * enough to undo it (instead of a shadow per row, each looked up first).
 */
const appendOnly: ReadonlySet<CachedEntity> = new Set(['audit', 'signature']);

/**
 * The shadows to save before an optimistic write: the server's version of each row, once per row
 * (a row already shadowed keeps its first shadow). `before` holds rows the writer has already
 * read in this transaction (the engine's slice), so they are not read again.
 *
 * Every read of a cache table is issued before this function first waits: IndexedDB serves a
 * transaction's requests in the order they are made, so the caller may issue its writes right
 * after calling it, and they overlap with the lookups in the shadows store.
 */
export async function shadowsFor(db: StationDb, targets: readonly ShadowTarget[], before?: EngineState): Promise<ShadowRow[]> {
  const evidence = targets.filter((t) => appendOnly.has(t.entity)).map((t) => ({ ...t, ids: [...new Set(t.ids)] }));
  const tracked = targets.filter((t) => !appendOnly.has(t.entity)).map((t) => ({ ...t, ids: [...new Set(t.ids)] }));
  const storedEvidence = evidence.map((t) => t.table.where(':id').anyOf(t.ids).toArray());
  const trackedShadows = perRowShadows(db, tracked, before);
  const createdKeys = [...new Set(evidence.flatMap((t) => t.ids.map((id) => createdKey(t.entity, t.operationOf?.get(id) ?? id))))];
  const [stored, shadows, earlier] = await Promise.all([Promise.all(storedEvidence), trackedShadows, db.shadows.bulkGet(createdKeys)]);
  const earlierLists = new Map(earlier.flatMap((e) => (e ? [[e.key, e] as const] : [])));
  // Evidence the server already sent (rare: rebasing an operation it holds) is shadowed row by row.
  const existing = evidence.map((t, i) => ({ ...t, ids: (stored[i] ?? []).map((r) => r.id) }));
  const known = new Map(stored.flat().map((r) => [r.id, r] as const));
  const existingShadows = await perRowShadows(db, existing.filter((t) => t.ids.length > 0), undefined, known);
  const created = evidence.flatMap((t, i): ShadowRow[] => {
    const storedIds = new Set((stored[i] ?? []).map((r) => r.id));
    const byOperation = new Map<string, string[]>();
    for (const id of t.ids.filter((x) => !storedIds.has(x))) {
      const operationId = t.operationOf?.get(id) ?? id;
      byOperation.set(operationId, [...(byOperation.get(operationId) ?? []), id]);
    }
    return [...byOperation].map(([operationId, fresh]): ShadowRow => {
      const key = createdKey(t.entity, operationId);
      const listed = earlierLists.get(key)?.created ?? [];
      return { key, entity: t.entity, id: operationId, row: null, created: [...new Set([...listed, ...fresh])] };
    });
  });
  return [...shadows, ...existingShadows, ...created];
}

/** A shadow for each row not shadowed yet. Issues its reads of cache tables before it waits. */
async function perRowShadows(
  db: StationDb,
  targets: readonly ShadowTarget[],
  before: EngineState | undefined,
  alreadyRead: ReadonlyMap<string, unknown> = new Map(),
): Promise<ShadowRow[]> {
  if (targets.length === 0) return [];
  const rowsPromise = Promise.all(targets.map((t) => rowsBefore(t, before, alreadyRead)));
  const keyed = targets.map((t) => t.ids.map((id) => `${t.entity}:${id}`));
  // Whether a shadow exists is all that matters here: its keys are read, not its copy of a row.
  // One range per entity: the keys of one entity sit together in key order, apart from others'.
  const [shadowed, rows] = await Promise.all([Promise.all(keyed.map((keys) => storedKeys(db.shadows, keys))), rowsPromise]);
  return targets.flatMap((t, i) =>
    (keyed[i] ?? []).flatMap((key, j): ShadowRow[] => {
      if (shadowed[i]?.has(key)) return [];
      const id = t.ids[j] ?? '';
      return [{ key, entity: t.entity, id, row: rows[i]?.get(id) ?? null }];
    }),
  );
}

/** The stored rows for the target's ids, taken from what was already read where possible. */
function rowsBefore(target: ShadowTarget, before: EngineState | undefined, alreadyRead: ReadonlyMap<string, unknown>): Promise<Map<string, unknown>> {
  const known = before ? sliceOf(before, target.entity) : undefined;
  const found = new Map<string, unknown>();
  const unread: string[] = [];
  for (const id of target.ids) {
    const row = known?.get(id) ?? alreadyRead.get(id);
    // A pristine step the engine read as a copy of its procedure has no row here, and the server
    // sent none: its shadow is "no row", so undoing the change returns it to pristine.
    if (isPristineCopy(row)) continue;
    if (row === undefined) unread.push(id);
    else found.set(id, row);
  }
  if (unread.length === 0) return Promise.resolve(found);
  return target.table.bulkGet(unread).then((rows) => {
    unread.forEach((id, i) => {
      if (rows[i] !== undefined) found.set(id, rows[i]);
    });
    return found;
  });
}

function sliceOf(state: EngineState, entity: CachedEntity): ReadonlyMap<string, unknown> | undefined {
  if (entity === 'run') return state.runs;
  if (entity === 'runStep') return state.steps;
  if (entity === 'batch') return state.batches;
  return undefined;
}
