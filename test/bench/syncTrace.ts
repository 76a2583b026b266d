// Where a drain's time goes between the station's two halves: every message between the page
// and its sync worker, stamped on the page's clock. Installed before the station's own scripts
// run (it wraps the page's Worker), read back after the run. Benchmarks only.
import type { Page } from '@playwright/test';

export interface TraceEntry {
  t: number;
  /** `in`: worker → page; `out`: page → worker. */
  dir: 'in' | 'out';
  type: string;
  changes?: number;
  outcomes?: number;
  cursor?: number;
  phase?: string;
  waiting?: number;
}

/**
 * Runs in the page before its own scripts: wraps `Worker` so that every message either way is
 * recorded in `window.__syncTrace`. Given as source text, since the bench's own compiler adds
 * helpers to functions that the page does not have.
 */
const traceScript = `(() => {
  const trace = [];
  window.__syncTrace = trace;
  const record = (dir, data) => {
    const m = data || {};
    trace.push({
      t: performance.now(), dir, type: m.type || '?',
      changes: m.page ? m.page.changes.length : undefined,
      outcomes: m.page ? m.page.outcomes.length : undefined,
      cursor: m.page ? m.page.cursor : m.cursor,
      phase: m.status ? m.status.phase : undefined,
      waiting: m.status ? m.status.waiting : undefined,
    });
  };
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => record('in', event.data));
    }
    postMessage(message, transfer) {
      record('out', message);
      super.postMessage(message, transfer);
    }
  };
})();`;

export async function traceSyncMessages(page: Page): Promise<void> {
  await page.addInitScript({ content: traceScript });
}

export function readSyncTrace(page: Page): Promise<TraceEntry[]> {
  return page.evaluate(() => (window as unknown as { __syncTrace: TraceEntry[] }).__syncTrace);
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/**
 * The drain from `from` (page clock) on: how long the push phase took, then each page: the wait
 * for it (network, server, worker parse) and the renderer's commit (page in → pageApplied out).
 */
export function summariseTrace(trace: readonly TraceEntry[], from: number): string[] {
  const after = trace.filter((e) => e.t >= from);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const firstPush = after.find((e) => e.phase === 'pushing');
  const firstPull = after.find((e, i) => e.phase === 'pulling' && i > (firstPush ? after.indexOf(firstPush) : -1));
  const lines: string[] = [];
  if (firstPush) lines.push(`online → first push status ${ms(firstPush.t - from)}`);
  if (firstPush && firstPull) lines.push(`push phase ${ms(firstPull.t - firstPush.t)} (${String(new Set(after.filter((e) => e.phase === 'pushing').map((e) => e.waiting)).size)} chunks; pages pulled meanwhile count below)`);
  let waitTotal = 0;
  let commitTotal = 0;
  // Pages may come while the worker still pushes (it pulls behind the pushes): the first wait counts from going online.
  let lastOut = from;
  const pages = after.filter((e) => e.type === 'page');
  for (const page of pages) {
    const applied = after.find((e) => e.t >= page.t && e.dir === 'out' && (e.type === 'pageApplied' || e.type === 'pageFailed') && e.cursor === page.cursor);
    const wait = page.t - lastOut;
    const commit = applied ? applied.t - page.t : Number.NaN;
    waitTotal += wait;
    commitTotal += commit;
    lines.push(`page →${String(page.cursor)} ${String(page.changes)} changes ${String(page.outcomes)} outcomes: wait ${ms(wait)}, commit ${ms(commit)}${applied?.type === 'pageFailed' ? ' FAILED' : ''}`);
    lastOut = applied?.t ?? page.t;
  }
  lines.push(`${String(pages.length)} pages: waiting ${ms(waitTotal)}, committing ${ms(commitTotal)}; ${String(after.filter((e) => e.type === 'status').length)} status messages`);
  return lines;
}
