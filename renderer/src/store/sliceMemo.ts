import { loadScopeAsync, type ScopeNeeds, type ScopeRows } from '../../../shared/engine/scope';
import { emptyState, type EngineState } from '../../../shared/engine/state';
import type { Operation } from '../../../shared/schemas/operation';
import type { StationDb } from './db';

/**
 * What the cache answered the slice reads of a preview, kept so the write that follows a
 * confirm does not wait for the same answers again. After a click, the first answer from
 * IndexedDB takes ~12 ms on the station's machine (a read at rest, 0.3 ms); a write sent without
 * waiting for one does not pay it (docs/scale.md, "click to screen"). So the engine works on the
 * remembered rows and the writes go out at once, behind reads of the same rows in the same
 * transaction; enqueue.ts compares those answers with the remembered ones and aborts, writing
 * nothing, on any difference.
 */
export interface RecordedSlice {
  /** The slice built from the remembered answers, as loadSlice would build it from the same rows. */
  slice: EngineState;
  /** The reads the slice took, wave by wave, to be made again in the write's transaction. */
  waves: readonly ScopeNeeds[];
  /** The remembered answers to those waves, as one text to compare. */
  answers: string;
}

interface Answer {
  rows: ScopeRows;
  text: string;
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

/** A loader that remembers each answer it gets (for recordedSlice), the oldest forgotten first. */
export function remembering(db: StationDb, load: (needs: ScopeNeeds) => Promise<ScopeRows>): (needs: ScopeNeeds) => Promise<ScopeRows> {
  return (needs) => {
    const answer = load(needs);
    // Remembered on the side, and the loader's own promise handed on: one more step in the chain
    // (an await, a .then) and the preview's next wave would be read outside its transaction.
    answer.then(
      (rows) => {
        const answers = answersOf(db);
        const key = keyOf(needs);
        answers.delete(key);
        answers.set(key, { rows, text: JSON.stringify(rows) });
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
 * loadSlice does); null when a wave was not remembered. Nothing is read.
 */
export async function recordedSlice(db: StationDb, op: Operation, loader: (op: Operation, load: (needs: ScopeNeeds) => Promise<ScopeRows>) => (needs: ScopeNeeds) => Promise<ScopeRows>): Promise<RecordedSlice | null> {
  const answers = answersOf(db);
  const waves: ScopeNeeds[] = [];
  const texts: string[] = [];
  const missing = new Error('not remembered');
  try {
    const slice = await loadScopeAsync(
      op,
      loader(op, (needs) => {
        const answer = answers.get(keyOf(needs));
        if (!answer) return Promise.reject(missing);
        waves.push(needs);
        texts.push(answer.text);
        // The rows themselves, not copies: the engine never changes a row it is given (it writes new
        // ones), and a pristine step copy is known by its identity (runSteps.ts).
        return Promise.resolve(answer.rows);
      }),
      emptyState(),
    );
    return { slice, waves, answers: JSON.stringify(texts) };
  } catch (error) {
    if (error === missing) return null;
    throw error;
  }
}

/** The answers to `waves` read now, as one text to compare with RecordedSlice.answers. */
export async function answersNow(waves: readonly ScopeNeeds[], load: (needs: ScopeNeeds) => Promise<ScopeRows>): Promise<string> {
  const rows = await Promise.all(waves.map(load));
  return JSON.stringify(rows.map((r) => JSON.stringify(r)));
}
