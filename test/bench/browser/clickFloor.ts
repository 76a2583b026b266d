import { createStationStore, done, openRaw } from './idbRaw';

/**
 * The floor under "click → durable and on screen", loaded into the demo station's page by the
 * on-screen benchmark (signOffOnScreen.bench.ts), never part of the station build. A button of its
 * own whose click writes the records the station's last operation wrote (its runs, step rows,
 * audit rows and outbox entry) straight into a database of its own in one strict transaction,
 * then changes a text. Clicked the way the station's confirm button is, timed the same way (a
 * capture listener on the document, a MutationObserver on the text), it is what the platform
 * takes from a real click to those records durable and drawn, with no station code in between.
 */

const floorDb = 'lockstep-bench-click-floor';
const stores = ['runs', 'runSteps', 'audit', 'outbox'] as const;
type StoreName = (typeof stores)[number];

const request = <T>(r: IDBRequest<T>) => done(r).then(() => r.result);

interface Floor {
  db: IDBDatabase;
  rows: { store: StoreName; row: unknown }[];
  button: HTMLButtonElement;
  text: HTMLElement;
  marks: { clicked?: number; shown?: number };
}

let floor: Floor | null = null;

/** Creates the database, the button (out of the station's way, bottom right) and its text. */
export async function install(): Promise<void> {
  await done(indexedDB.deleteDatabase(floorDb));
  const db = await openRaw(floorDb, 1, (created) => {
    for (const store of stores) createStationStore(created, store);
  });
  const button = document.createElement('button');
  button.textContent = 'Bench: raw write';
  button.style.cssText = 'position:fixed;right:8px;bottom:8px;z-index:99999;width:140px;height:56px';
  const text = document.createElement('span');
  text.style.cssText = 'position:fixed;right:160px;bottom:24px;z-index:99999';
  document.body.append(button, text);
  const installed: Floor = { db, rows: [], button, text, marks: {} };
  let written = 0;
  button.addEventListener('click', () => {
    const tx = db.transaction([...stores], 'readwrite', { durability: 'strict' });
    for (const { store, row } of installed.rows) tx.objectStore(store).put(row);
    tx.oncomplete = () => {
      written += 1;
      text.textContent = `written ${String(written)}`;
    };
  });
  floor = installed;
}

const installed = (): Floor => {
  if (!floor) throw new Error('the click floor is not installed');
  return floor;
};

/**
 * Reads from the station's database what its last operation wrote: the outbox entry, the runs
 * and step rows of the batch it reached, and its audit rows. Returns how many records.
 */
export async function captureLastOperation(): Promise<number> {
  const target = installed();
  const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('lockstep-') && !n.startsWith('lockstep-bench'));
  if (!name) throw new Error('no station database in this page');
  const db = await openRaw(name);
  try {
    const tx = db.transaction([...stores]);
    const cursor = await request(tx.objectStore('outbox').openCursor(null, 'prev'));
    const entry = cursor?.value as { op: { id: string; runId: string; stepId: string } } | undefined;
    if (!entry) throw new Error('the station has no operation in its outbox');
    const run = (await request(tx.objectStore('runs').get(entry.op.runId))) as { batchId: string | null } | undefined;
    const origin = entry.op.stepId.slice(entry.op.runId.length + 1);
    const runs = ((await request(tx.objectStore('runs').getAll())) as { id: string; batchId: string | null }[]).filter((r) => run?.batchId != null && r.batchId === run.batchId);
    const steps: unknown[] = await Promise.all(runs.map((r) => request(tx.objectStore('runSteps').get(`${r.id}/${origin}`))));
    const audit = (await Promise.all(runs.map((r) => request<unknown[]>(tx.objectStore('audit').index('runId').getAll(r.id)))))
      .flat()
      .filter((a) => (a as { operationId: string }).operationId === entry.op.id);
    target.rows = [
      ...runs.map((row) => ({ store: 'runs' as const, row })),
      ...steps.filter((row) => row !== undefined).map((row) => ({ store: 'runSteps' as const, row })),
      ...audit.map((row) => ({ store: 'audit' as const, row })),
      { store: 'outbox', row: entry },
    ];
    return target.rows.length;
  } finally {
    db.close();
  }
}

/** Arms the marks for the next click of the button: its time (capture phase) and the text drawn. */
export function arm(): void {
  const target = installed();
  const marks: Floor['marks'] = {};
  target.marks = marks;
  document.addEventListener('click', () => { marks.clicked = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    marks.shown = performance.now();
    observer.disconnect();
  });
  observer.observe(target.text, { subtree: true, childList: true, characterData: true });
}

/** Click to text drawn for the last armed click, in ms (NaN while not drawn). */
export function lastMs(): number {
  const { clicked = Number.NaN, shown = Number.NaN } = installed().marks;
  return shown - clicked;
}
