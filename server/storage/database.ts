import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';

export type Db = Database.Database;

/** The one database file inside the data folder. */
export const databaseFileName = 'lockstep.sqlite';

export class DatabaseTooNewError extends Error {
  constructor(path: string, found: number, known: number) {
    super(
      `The database ${path} is at schema version ${String(found)}, but this server only knows versions up to ${String(known)}. ` +
        'It was written by a newer Lockstep server: run that version (or newer). Opening it with older code could corrupt it, so this server stops here.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations the database has not seen, each in its own transaction together with
 * the version bump, so a crash leaves the database at one version or the next, never between.
 */
export function migrate(db: Db, path: string, all: readonly string[] = migrations): void {
  const current = schemaVersion(db);
  if (current > all.length) throw new DatabaseTooNewError(path, current, all.length);
  all.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${String(current + i + 1)}`);
    })();
  });
}

/**
 * Opens (creating if needed) the server's database in `dataDir`. WAL lets readers run beside the
 * writer; synchronous=FULL makes each commit durable before the push that caused it is answered,
 * so an answered outcome survives a power cut, not only a killed process.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, databaseFileName);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // SQLite's temporary files (statement journals, sorts) in memory: the push's multi-row
    // INSERTs wrote pages to temp files otherwise, a system call each. They are small here.
    db.pragma('temp_store = MEMORY');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
