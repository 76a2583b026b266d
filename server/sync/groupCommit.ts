import type { Store } from '../storage/store';

interface Waiting<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: work submitted while the previous group was committing runs together in one
 * transaction, each piece in its own savepoint, and all are answered after the one durable
 * commit. With synchronous=FULL every commit waits for the disk; forty stations pushing one
 * operation each would otherwise wait for forty flushes in a row.
 *
 * Each piece stays atomic: one that throws rolls back its savepoint alone and is answered with
 * its error, while the others commit. Nothing is answered before the commit it depends on, so
 * an answered push survives a power cut exactly as before.
 */
export class GroupCommit {
  private waiting: Waiting<unknown>[] = [];
  private scheduled = false;

  /** `afterCommit` runs after each group's commit (the server asks for a background checkpoint). */
  constructor(
    private readonly store: Store,
    private readonly afterCommit: () => void = () => undefined,
  ) {}

  /** Runs `work` (which may open its own nested transaction) in the next group. */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks already waiting: the requests that arrived meanwhile join in.
        setImmediate(() => { this.commitGroup(); });
      }
    });
  }

  private commitGroup(): void {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    const settled: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.store.transaction(() => {
        for (const { work } of group) {
          try {
            // A nested transaction is a savepoint: a piece that throws takes back only its own writes.
            settled.push({ ok: true, value: this.store.transaction(work) });
          } catch (error) {
            settled.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed (disk full, say): nothing of the group was kept.
      group.forEach((w) => { w.reject(error); });
      return;
    }
    this.afterCommit();
    group.forEach((w, i) => {
      const result = settled[i];
      if (result?.ok) w.resolve(result.value);
      else w.reject(result?.error);
    });
  }
}
