import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../server/storage/database';
import { migrations } from '../../server/storage/migrations';
import { startTestServer, tempDir, type TestServer } from './harness';
import { StationClient } from './stationClient';

const dirs: string[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
  dirs.splice(0).forEach((d) => { rmSync(d, { recursive: true, force: true }); });
});
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

describe('database file and migrations', () => {
  it('creates one WAL database in the data folder at the latest version, and reopens it unchanged', () => {
    const d = dir();
    const db = openDatabase(d);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
    const again = openDatabase(d);
    expect(schemaVersion(again)).toBe(migrations.length);
    again.close();
  });

  it('applies only the migrations a database has not seen, in order', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', ['CREATE TABLE a (x)']);
    migrate(db, 'memory', ['CREATE TABLE a (x)', 'CREATE TABLE b (y)']);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('leaves a database at the old version when a migration fails', () => {
    const db = new Database(':memory:');
    migrate(db, 'memory', ['CREATE TABLE a (x)']);
    expect(() => { migrate(db, 'memory', ['CREATE TABLE a (x)', 'CREATE TABLE c (z); SELECT nonsense FROM nowhere']); }).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
  });

  it('refuses to open a database written by a newer server, saying what to do', () => {
    const d = dir();
    const raw = new Database(join(d, databaseFileName));
    raw.pragma(`user_version = ${String(migrations.length + 1)}`);
    raw.close();
    expect(() => openDatabase(d)).toThrow(DatabaseTooNewError);
    const known = migrations.length;
    expect(() => openDatabase(d)).toThrow(
      new RegExp(`schema version ${String(known + 1)}, but this server only knows versions up to ${String(known)}.*newer Lockstep server`),
    );
  });
});

describe('append-only evidence', () => {
  it.each(['signatures', 'audit', 'operations', 'feed'])('refuses to update or delete %s rows', async (table) => {
    server = await startTestServer();
    const station = await StationClient.enrol(server.url);
    await station.push(await station.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const db = server.store.db;
    const count = () => db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;
    const before = count();
    expect(before).toBeGreaterThan(0);
    const column = table === 'feed' ? 'entity' : table === 'operations' ? 'status' : 'body';
    expect(() => db.prepare(`UPDATE ${table} SET ${column} = 'x'`).run()).toThrow(/append-only|never changed|recorded once/);
    expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only|never deleted|recorded once/);
    expect(count()).toBe(before);
  });
});
