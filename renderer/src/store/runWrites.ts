import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import type { Run } from '../../../shared/schemas/run';
import { mutationTap, succeeded } from './mutationTap';
import type { RunPage } from './runPages';

/** What one committed write did to the runs store. */
export type RunWrite = { kind: 'rows'; put: readonly Run[]; deleted: readonly string[] } | { kind: 'cleared' };

/**
 * The listeners told of every write to the runs store that Dexie makes, once its transaction has
 * committed (an aborted write tells nobody). Only writes past Dexie go unseen: the bulk seed at
 * boot, before anyone listens.
 */
export class RunWrites {
  private readonly listeners = new Set<(write: RunWrite) => void>();

  listen(listener: (write: RunWrite) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(write: RunWrite): void {
    for (const listener of this.listeners) listener(write);
  }

  /** A DBCore middleware reporting the runs store's writes here. Register it before opening. */
  middleware(): Middleware<DBCore> {
    return mutationTap('runWrites', new Set(['runs', 'runPages']), (store, req, res, trans) => {
      const write = store === 'runPages' ? pagesWriteOf(req, res) : writeOf(req, res);
      if (write && this.listeners.size > 0) trans.addEventListener('complete', () => { this.emit(write); });
    });
  }
}

/**
 * A write of whole pages (a bootstrap's): the runs in them. Pages are only ever put where no run
 * was stored, and removed runs leave them through a delete on `runs`, seen there.
 */
function pagesWriteOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): RunWrite | null {
  if (req.type === 'put' || req.type === 'add') return { kind: 'rows', put: (req.values as RunPage[]).filter(succeeded(res)).flatMap((page) => page.runs), deleted: [] };
  return req.type === 'deleteRange' ? { kind: 'cleared' } : null;
}

function writeOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): RunWrite | null {
  const ok = succeeded(res);
  switch (req.type) {
    case 'add':
    case 'put':
      return { kind: 'rows', put: (req.values as Run[]).filter(ok), deleted: [] };
    case 'delete':
      return { kind: 'rows', put: [], deleted: (req.keys as string[]).filter(ok) };
    case 'deleteRange':
      return { kind: 'cleared' };
    default:
      return req satisfies never;
  }
}
