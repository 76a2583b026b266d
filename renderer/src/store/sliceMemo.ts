import { loadScopeAsync, type ScopeNeeds, type ScopeRows } from '../../../shared/engine/scope';
import { emptyState, type EngineState } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';
import { writeTokenKey } from './writeToken';

/**
 * What the cache answered the slice reads of a preview, kept so the write that follows a
 * confirm does not wait for the same answers again. After a click, the first answer from
 * IndexedDB takes ~12 ms on the station's machine (a read at rest, 0.3 ms); a write sent without
 * waiting for one does not pay it (docs/scale.md, "click to screen"). So the engine works on the
 * remembered rows and the writes go out at once. Each answer is remembered with the cache's write
 * token as it stood when the rows were read (writeToken.ts): enqueue.ts reads the token in the
 * write's own transaction, before its writes, and aborts, writing nothing, unless it is still the
 * same — no write to the cache has committed since those rows were read.
 */
export interface RecordedSlice {
  /** The slice built from the remembered answers, as loadSlice would build it from the same rows. */
  slice: EngineState;
  /** The write token every remembered answer was read under (null: the cache was never written). */
  token: string | null;
}

interface Answer {
  rows: ScopeRows;
  token: string | null;
}

/** A few previews' worth: a dialog open per person, a batch verdict. */
const kept = 8;
const byDb = new WeakMap<StationDb, Map<string, Answer>>();

const keyOf = (needs: ScopeNeeds) => JSON.stringify(needs);

function answersOf(db: StationDb): Map<string, Answer> {
  let answers = byDb.get(db);
  if (!answers) {
    answers = new Map();
    byDb.set(db, answers);
  }
  return answers;
}

/** The cache's write token now (null before its first write). Read inside the caller's transaction. */
export function writeTokenNow(db: StationDb): Promise<string | null> {
  return db.meta.get(writeTokenKey).then((row) => (typeof row?.value === 'string' ? row.value : null));
}

/**
 * A loader that remembers each answer it gets (for recordedSlice), the oldest forgotten first.
 * Make it inside a read-only transaction over the cache tables and `meta`, and use it for that
 * transaction's reads: the token is read once, in the same transaction, before any row, so it is
 * the token all of them stand under.
 */
export function remembering(db: StationDb, load: (needs: ScopeNeeds) => Promise<ScopeRows>): (needs: ScopeNeeds) => Promise<ScopeRows> {
  const token = writeTokenNow(db);
  return (needs) => {
    const answer = load(needs);
    // Remembered on the side, and the loader's own promise handed on: one more step in the chain
    // (an await, a .then) and the preview's next wave would be read outside its transaction.
    Promise.all([token, answer]).then(
      ([readUnder, rows]) => {
        const answers = answersOf(db);
        const key = keyOf(needs);
        answers.delete(key);
        answers.set(key, { rows, token: readUnder });
        for (const oldest of answers.keys()) {
          if (answers.size <= kept) break;
          answers.delete(oldest);
        }
      },
      () => undefined,
    );
    return answer;
  };
}

/**
 * The slice `op` needs, built from remembered answers only (`loader` decides the waves, as
 * loadSlice does); null when a wave was not remembered, or the waves were read under different
 * write tokens (one of them is stale already). Nothing is read.
 */
export async function recordedSlice(db: StationDb, op: Operation, loader: (op: Operation, load: (needs: ScopeNeeds) => Promise<ScopeRows>) => (needs: ScopeNeeds) => Promise<ScopeRows>): Promise<RecordedSlice | null> {
  const answers = answersOf(db);
  const tokens = new Set<string | null>();
  const missing = new Error('not remembered');
  try {
    const slice = await loadScopeAsync(
      op,
      loader(op, (needs) => {
        const answer = answers.get(keyOf(needs));
        if (!answer) return Promise.reject(missing);
        tokens.add(answer.token);
        // The rows themselves, not copies: the engine never changes a row it is given (it writes new
        // ones), and a pristine step copy is known by its identity (runSteps.ts).
        return Promise.resolve(answer.rows);
      }),
      emptyState(),
    );
    const [token, ...others] = tokens;
    return token === undefined || others.length > 0 ? null : { slice, token };
  } catch (error) {
    if (error === missing) return null;
    throw error;
  }
}
