import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseFileName, DatabaseTooNewError, migrate, openDatabase, schemaVersion } from '../../server/storage/database';
import { migrations } from '../../server/storage/migrations';
import { tempDirsPerTest } from './harness';

const dir = tempDirsPerTest();

describe('database file and migrations', () => {
  it('creates one WAL database in the data folder at the latest version, and reopens it unchanged', () => {
    const d = dir();
    const db = openDatabase(d);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Statement journals of multi-row INSERTs stay in memory (2 = MEMORY), not in temp files.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
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
