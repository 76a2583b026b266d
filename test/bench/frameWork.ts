/**
 * The main thread's work in each frame, read from a Chrome trace. A frame's length seen from
 * requestAnimationFrame includes the time other processes kept this one off the CPU, so on a
 * shared or loaded machine it says more about the machine than about the page. The trace's
 * thread time (`tdur`) counts only the CPU the renderer's main thread itself spent, so a frame's
 * work is comparable across machines' load: that is what must fit in a 16.7 ms frame.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/** The top-level task events Chrome records for each unit of work a thread runs. */
const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export interface FrameWork {
  /** Wall time of the main thread's tasks in each frame, ms. */
  wallMs: number[];
  /** CPU time the main thread spent on those tasks, ms. */
  cpuMs: number[];
}

/**
 * Splits the main thread's top-level tasks into frames. The page marks `mark` once per frame
 * (in its requestAnimationFrame callback); a frame runs from the start of the task holding its
 * mark (the frame's rendering task: scroll events, React's render, rAF, layout and paint) to the
 * start of the task holding the next mark, and its work is every task that starts in between.
 */
export function frameWork(trace: Buffer | string, mark: string): FrameWork {
  const parsed = JSON.parse(trace.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const marks = events.filter((e) => e.name === mark && e.cat.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts);
  const first = marks[0];
  if (!first) throw new Error(`the trace holds no "${mark}" marks`);
  // The marks' thread is the page's main thread.
  const tasks = outermost(
    events.filter((e) => e.ph === 'X' && taskNames.has(e.name) && e.pid === first.pid && e.tid === first.tid && e.dur !== undefined),
  );
  const starts = marks.map((m) => tasks.find((t) => t.ts <= m.ts && m.ts <= t.ts + (t.dur ?? 0))?.ts ?? m.ts);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i] ?? 0;
    const to = starts[i + 1] ?? 0;
    const inFrame = tasks.filter((t) => t.ts >= from && t.ts < to);
    wallMs.push(inFrame.reduce((sum, t) => sum + (t.dur ?? 0), 0) / 1000);
    cpuMs.push(inFrame.reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000);
  }
  return { wallMs, cpuMs };
}

/** Tasks not inside another one (a nested run loop records tasks within a task). */
function outermost(tasks: TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts);
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const task of sorted) {
    if (task.ts < end) continue;
    kept.push(task);
    end = task.ts + (task.dur ?? 0);
  }
  return kept;
}
