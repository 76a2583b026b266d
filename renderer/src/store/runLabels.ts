import type { Run } from '../../../shared/schemas/run';
import type { StationDb } from './db';

export interface RunLabel {
  title: string;
  unitSerial: string;
}

const pageSize = 5000;

/**
 * The run fields that never change once a run exists (title and unit serial), held in memory so
 * the runs table can sort and search by them without an index. Runs only ever arrive (from the
 * server or a seed), so the cache is filled once and then topped up with the ids it lacks.
 */
export class RunLabels {
  private readonly labels = new Map<string, RunLabel>();
  private preloading: Promise<void> | null = null;

  /** Reads every label once in the background, so the first search of a big plant is quick. */
  preload(db: StationDb): Promise<void> {
    this.preloading ??= this.loadAll(db);
    return this.preloading;
  }

  get(id: string): RunLabel | undefined {
    return this.labels.get(id);
  }

  async ensure(db: StationDb, ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.labels.has(id));
    if (missing.length === 0) return;
    if (missing.length > pageSize) {
      await this.loadAll(db);
      return;
    }
    const rows = await db.runs.bulkGet(missing);
    for (const row of rows) if (row) this.labels.set(row.id, { title: row.title, unitSerial: row.unitSerial });
  }

  /** Reads every run once, a page at a time, so a plant of 100,000 runs never sits in memory whole. */
  private async loadAll(db: StationDb): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const page: Run[] = await (after === null ? db.runs.orderBy(':id') : db.runs.where(':id').above(after)).limit(pageSize).toArray();
      for (const row of page) this.labels.set(row.id, { title: row.title, unitSerial: row.unitSerial });
      const last = page[page.length - 1];
      if (!last || page.length < pageSize) return;
      after = last.id;
    }
  }
}
