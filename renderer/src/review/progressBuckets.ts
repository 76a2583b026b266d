import type { RunStep } from '../../../shared/schemas/run';

export interface HourlyProgress {
  /** The start of each hour in which work was completed, in seconds since 1970 (what uPlot reads on a time axis). */
  hours: number[];
  /** Steps completed in each of those hours. */
  completed: number[];
  /** Steps complete by the end of each of those hours. */
  cumulative: number[];
}

const hour = 3600;

/**
 * Steps completed per hour across a batch, from each complete step's signature time. Only hours
 * with work are listed: on the chart's time axis the pauses between them show as gaps, however
 * long the batch has been open.
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
  const result: HourlyProgress = { hours: [], completed: [], cumulative: [] };
  let total = 0;
  for (const [h, n] of [...counts].sort(([a], [b]) => a - b)) {
    total += n;
    result.hours.push(h);
    result.completed.push(n);
    result.cumulative.push(total);
  }
  return result;
}
