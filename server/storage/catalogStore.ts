import type { ProcedureSummary } from '../../shared/protocol/reads';
import type { ProcedureVersion } from '../../shared/schemas/procedure';
import type { Db } from './database';
import type { FeedStore } from './feedStore';
import { fromJson } from './json';

/** Released procedure versions: written once when they are released, read by id. */
export class CatalogStore {
  private readonly insert;
  private readonly byId;
  private readonly all;

  constructor(
    db: Db,
    private readonly feed: FeedStore,
  ) {
    this.insert = db.prepare('INSERT INTO procedures (id, procedure_id, version, body) VALUES (?, ?, ?, ?)');
    this.byId = db.prepare<[string], { body: string }>('SELECT body FROM procedures WHERE id = ?');
    this.all = db.prepare<[], { body: string }>('SELECT body FROM procedures ORDER BY procedure_id, version');
  }

  /** Stations learn of a released version through the feed. */
  add(procedure: ProcedureVersion, at: string): void {
    this.insert.run(procedure.id, procedure.procedureId, procedure.version, JSON.stringify(procedure));
    this.feed.append('procedure', procedure.id, 'put', null, at);
  }

  get(id: string): ProcedureVersion | undefined {
    const row = this.byId.get(id);
    return row ? fromJson<ProcedureVersion>(row.body) : undefined;
  }

  list(): ProcedureVersion[] {
    return this.all.all().map((r) => fromJson<ProcedureVersion>(r.body));
  }

  summaries(): ProcedureSummary[] {
    return this.list().map((p) => ({
      id: p.id,
      procedureId: p.procedureId,
      name: p.name,
      version: p.version,
      status: p.status,
      stepCount: p.steps.length,
    }));
  }
}
