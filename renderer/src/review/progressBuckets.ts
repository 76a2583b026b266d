import type { RunStep } from '../../../shared/schemas/run';

export interface HourlyProgress {
  /** The start of each hour, in seconds since 1970 (what uPlot reads on a time axis), with no gaps. */
  hours: number[];
  /** Steps completed in each hour. */
  completed: number[];
  /** Steps complete by the end of each hour. */
  cumulative: number[];
}

const hour = 3600;
/** A chart of more hours than this shows the most recent ones: a batch is worked over days, not months. */
export const maxHours = 24 * 14;

/**
 * Steps completed per hour across a batch, from each complete step's signature time. Hours with
 * nothing completed are kept (as zero), so the chart's gaps are real pauses in the work.
 */
export function hourlyProgress(steps: readonly Pick<RunStep, 'state' | 'completion'>[]): HourlyProgress {
  const counts = new Map<number, number>();
  for (const step of steps) {
    if (step.state !== 'complete' || step.completion === null) continue;
    const ms = Date.parse(step.completion.signedAt);
    if (Number.isNaN(ms)) continue;
    const start = Math.floor(ms / 1000 / hour) * hour;
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  if (counts.size === 0) return { hours: [], completed: [], cumulative: [] };
  const last = Math.max(...counts.keys());
  const first = Math.max(Math.min(...counts.keys()), last - (maxHours - 1) * hour);
  const before = [...counts].filter(([h]) => h < first).reduce((n, [, c]) => n + c, 0);
  const result: HourlyProgress = { hours: [], completed: [], cumulative: [] };
  let total = before;
  for (let h = first; h <= last; h += hour) {
    const n = counts.get(h) ?? 0;
    total += n;
    result.hours.push(h);
    result.completed.push(n);
    result.cumulative.push(total);
  }
  return result;
}
