import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * WAL pages (4 KiB each) past which the writer still checkpoints by itself, as SQLite does by
 * default at 1,000: the backstop for a background thread that is behind or gone.
 */
export const writerCheckpointPages = 10_000;

// Plain JavaScript, run as the worker's own script: its own connection to the same file, doing a
// PASSIVE checkpoint (it never waits for the writer or for readers) each time it is asked.
// synchronous=FULL: the pages copied into the database file are flushed before the WAL is reused.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * Copies the WAL back into the database file on another thread. SQLite otherwise does it inside
 * the commit that crosses 1,000 WAL pages, which with 500-operation pushes was every push's
 * commit: a third of its time, spent before the push could be answered. Commits stay exactly as
 * durable (the WAL is flushed at each one); only the copy moves.
 *
 * `request()` after each commit; requests made while a checkpoint runs are folded into one more.
 * If the thread fails, the writer checkpoints by itself again, as before.
 */
export class BackgroundCheckpoint {
  private readonly worker: Worker;
  private running = false;
  private wanted = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (message: string) => void = (message) => { console.error(`Background checkpoint stopped: ${message}`); },
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(workerSource, { eval: true, workerData: { path: db.name, driver } });
    db.pragma(`wal_autocheckpoint = ${String(writerCheckpointPages)}`);
    this.worker.on('message', (reply: { ok: boolean; message?: string }) => {
      this.running = false;
      if (!reply.ok) this.fail(reply.message ?? 'checkpoint failed');
      else if (this.wanted) this.request();
    });
    this.worker.on('error', (error) => { this.fail(error.message); });
  }

  /** Asks for a checkpoint soon (after a commit); returns at once. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wanted = true;
      return;
    }
    this.wanted = false;
    this.running = true;
    this.worker.postMessage('checkpoint');
  }

  /** Closes the thread's connection and ends it; the writer checkpoints by itself from now on. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stop();
    const exited = once(this.worker, 'exit');
    this.worker.postMessage('close');
    await exited;
  }

  private fail(message: string): void {
    if (this.stopped) return;
    this.stop();
    this.onError(message);
    void this.worker.terminate();
  }

  private stop(): void {
    this.stopped = true;
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
