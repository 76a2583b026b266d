import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** Rows per statement: far below SQLite's limit on parameters, and enough for a 30-sibling operation. */
const rowsPerStatement = 64;

/**
 * One INSERT for many rows (`INSERT OR FAIL INTO t (a, b) VALUES (?, ?), (?, ?), …`), in the order
 * given: SQLite runs the statement once instead of once per row, which is most of a small row's
 * cost. A statement is prepared per row count on first use and kept.
 *
 * OR FAIL, not the default ABORT: an ABORT statement of many rows keeps a statement journal to
 * undo its own rows on a failure, and opening and closing one was the costliest thing SQLite did
 * in a push. Under FAIL the rows before a failing one stay, so this must run inside a transaction,
 * and the error must roll that transaction (or savepoint) back, as every caller's does.
 */
export class MultiRowInsert<Row extends readonly unknown[]> {
  private readonly bySize = new Map<number, Statement>();

  /** `into` is `table (column, …)`; every row passes one value per column, in that order. */
  constructor(
    private readonly db: Db,
    private readonly into: string,
    private readonly columns: number,
  ) {}

  /** Inserts the rows in order; the rowid of the last one (0 when there are none). */
  run(rows: readonly Row[]): number {
    if (rows.length === 0) return 0;
    if (!this.db.inTransaction) throw new Error(`INSERT INTO ${this.into} of many rows must run inside a transaction`);
    let last = 0;
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const slice = rows.slice(start, start + rowsPerStatement);
      const values: unknown[] = [];
      for (const row of slice) {
        if (row.length !== this.columns) throw new Error(`INSERT INTO ${this.into}: a row of ${String(row.length)} values for ${String(this.columns)} columns`);
        values.push(...row);
      }
      last = Number(this.statementFor(slice.length).run(values).lastInsertRowid);
    }
    return last;
  }

  private statementFor(size: number): Statement {
    let statement = this.bySize.get(size);
    if (!statement) {
      const placeholders = `(${Array<string>(this.columns).fill('?').join(', ')})`;
      statement = this.db.prepare(`INSERT OR FAIL INTO ${this.into} VALUES ${Array<string>(size).fill(placeholders).join(', ')}`);
      this.bySize.set(size, statement);
    }
    return statement;
  }
}
