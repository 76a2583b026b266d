import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/protocol/paths';
import { startTestServer, type TestServer } from './harness';
import { http, StationClient } from './stationClient';

/**
 * The trail is evidence (21 CFR Part 11): once written, no SQL statement and no HTTP call can
 * change or remove it. Every table holding evidence is filled by real pushes first, so a refusal
 * is a refusal of real rows.
 */
const appendOnlyTables = ['audit', 'feed', 'operations', 'review_resolutions', 'signatures'];

let server: TestServer;
let station: StationClient;
let reviewId: string;

beforeAll(async () => {
  server = await startTestServer();
  station = await StationClient.enrol(server.url, 'A');
  const other = await StationClient.enrol(server.url, 'B');
  await station.push(await station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
  await station.push(await station.stepOp('redlineOpen', 'R-2', 'inspect', { reason: 'One' }, 'eng'));
  // A second redline from a station that had not seen the first: it waits for a supervisor.
  const second = await other.stepOp('redlineOpen', 'R-2', 'inspect', { reason: 'Two' }, 'admin');
  second.seen.stepVersion = 0;
  await other.push(second);
  reviewId = `${second.id}~R-2`;
  const resolved = await station.push(station.batchOp('resolveReview', { reviewId, action: 'acceptServer', reason: 'Kept the first' }, 'sup'));
  expect(resolved.results[0]?.outcome.status).toBe('applied');
  // Resolutions are operations now; review_resolutions keeps what the first schema's endpoint wrote.
  server.store.db
    .prepare('INSERT INTO review_resolutions (operation_id, resolved_by, note, resolved_at) VALUES (?, ?, ?, ?)')
    .run(second.id, 'u-sup', 'Legacy decision', '2026-01-01T00:00:00.000Z');
});
afterAll(async () => {
  await server.dispose();
});

const rows = (table: string) => server.store.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const snapshot = () => Object.fromEntries(appendOnlyTables.map((t) => [t, rows(t)]));

describe('append-only evidence in SQLite', () => {
  it('guards exactly the evidence tables with update and delete triggers', () => {
    const triggers = server.store.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(triggers).toEqual(appendOnlyTables.flatMap((t) => [`${t}_no_delete`, `${t}_no_update`]));
  });

  it.each(appendOnlyTables)('refuses to update or delete %s rows, leaving them as they were', (table) => {
    const before = rows(table);
    expect(before.length).toBeGreaterThan(0);
    const firstColumn = server.store.db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') WHERE pk = 0 LIMIT 1`).get()?.name;
    expect(firstColumn).toBeDefined();
    expect(() => server.store.db.prepare(`UPDATE ${table} SET ${firstColumn ?? ''} = 'x'`).run()).toThrow(/append-only|never changed|never edited/);
    expect(() => server.store.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only|never deleted/);
    expect(rows(table)).toEqual(before);
  });
});

describe('no HTTP way to edit the trail', () => {
  const paths = [
    apiPaths.runAudit.replace(':id', 'R-1'),
    apiPaths.run.replace(':id', 'R-1'),
    '/v1/audit',
    '/v1/signatures/R-1',
    () => `${apiPaths.review}/${encodeURIComponent(reviewId)}`,
  ];
  it.each(['PUT', 'PATCH', 'DELETE'])('refuses %s on the run, audit, signature and review paths and changes nothing', async (method) => {
    const before = snapshot();
    const auditBefore = await station.get(apiPaths.runAudit.replace(':id', 'R-1'));
    for (const path of paths) {
      const url = `${server.url}${typeof path === 'function' ? path() : path}`;
      const reply = await http(url, { method, token: station.token, body: { body: 'tampered', reason: null } });
      expect([404, 405], `${method} ${url}`).toContain(reply.status);
    }
    expect(snapshot()).toEqual(before);
    expect(await station.get(apiPaths.runAudit.replace(':id', 'R-1'))).toEqual(auditBefore);
  });

  it('refuses a POST to the audit path and changes nothing', async () => {
    const before = snapshot();
    const post = await station.post(apiPaths.runAudit.replace(':id', 'R-1'), { action: 'signOff' });
    expect([404, 405]).toContain(post.status);
    expect(snapshot()).toEqual(before);
  });

  it('keeps the first decision on a review: a second resolution changes no review row', async () => {
    const decided = () => server.store.db.prepare('SELECT body FROM reviews WHERE id = ?').get(reviewId);
    const before = decided();
    const again = await station.push(station.batchOp('resolveReview', { reviewId, action: 'reopen', reason: 'Changed my mind' }, 'sup'));
    const outcome = again.results[0]?.outcome;
    expect(outcome?.status).toBe('applied');
    expect(outcome?.status === 'applied' ? outcome.note : null).toMatch(/Already resolved/);
    expect(decided()).toEqual(before);
  });
});
