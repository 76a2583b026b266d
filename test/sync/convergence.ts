import { expect } from 'vitest';
import type { Store } from '../../server/storage/store';
import type { StationDb } from '../../renderer/src/store/db';
import { stepsOfRuns } from '../../renderer/src/store/runSteps';
import { currentCursor } from '../../renderer/src/store/serverPage';

type Row = { id: string };

function serverRows(store: Store, table: string): Map<string, unknown> {
  const rows = store.db.prepare<[], { body: string }>(`SELECT body FROM ${table}`).all();
  return new Map(rows.map((r) => {
    const row = JSON.parse(r.body) as Row;
    return [row.id, row] as const;
  }));
}

/** The server's audit rows as a station keeps them: with when the server received each. */
function serverAudit(store: Store): Map<string, unknown> {
  const rows = store.db.prepare<[], { body: string; received_at: string }>('SELECT body, received_at FROM audit').all();
  return new Map(rows.map((r) => {
    const row = JSON.parse(r.body) as Row;
    return [row.id, { ...row, receivedAt: r.received_at }] as const;
  }));
}

const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id, r] as const));

/**
 * The convergence invariant, shared by every sync scenario: once a station has pushed everything
 * and pulled to the head, its cache equals the server's state for everything it holds, with
 * nothing left waiting and nothing optimistic left over. Steps are compared as the station reads
 * them (runSteps.ts): a pristine step it holds no row for must derive equal to the server's row.
 */
export async function expectConverged(db: StationDb, store: Store): Promise<void> {
  expect(await db.outbox.count(), 'operations still waiting in the outbox').toBe(0);
  expect(await db.shadows.count(), 'optimistic rows not yet confirmed').toBe(0);
  expect(await currentCursor(db), 'cursor at the head of the feed').toBe(store.feed.head());
  const [runs, batches, signatures, audit, procedures, users, reviews] = await Promise.all([
    db.runs.toArray(),
    db.batches.toArray(),
    db.signatures.toArray(),
    db.audit.toArray(),
    db.procedures.toArray(),
    db.users.toArray(),
    db.reviews.toArray(),
  ]);
  expect(byId(runs)).toEqual(serverRows(store, 'runs'));
  // The steps as the station reads them: stored rows, and pristine copies where it holds none.
  const steps = (await stepsOfRuns(db, runs)).flat();
  expect(byId(steps)).toEqual(serverRows(store, 'run_steps'));
  expect(byId(batches)).toEqual(serverRows(store, 'batches'));
  expect(byId(signatures)).toEqual(serverRows(store, 'signatures'));
  expect(byId(audit)).toEqual(serverAudit(store));
  expect(byId(procedures)).toEqual(serverRows(store, 'procedures'));
  expect(byId(reviews)).toEqual(serverRows(store, 'reviews'));
  const people = store.db.prepare<[], { id: string; name: string; role: string; active: number }>('SELECT id, name, role, active FROM users').all();
  expect(byId(users)).toEqual(new Map(people.map((u) => [u.id, { ...u, active: u.active === 1 }] as const)));
}
