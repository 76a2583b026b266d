/** A benchmark row: the figure as measured, what it must meet, and the reference it is compared to. */
export interface Row {
  figure: string;
  unit: string;
  /** Median of the repeats. */
  median: number;
  /** 10th to 90th percentile of the repeats. */
  spread: [number, number];
  repeats: number;
  target: string;
  /** Whether the target is met; null when the row is only a reference. */
  met: boolean | null;
  reference?: { figure: string; median: number; ratio: number };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[index] ?? Number.NaN;
}

/** Runs `sample` `warmup` times unrecorded, then `repeats` times, and summarises the values it returns. */
export async function repeat(
  sample: () => Promise<number> | number,
  options: { warmup: number; repeats: number },
): Promise<{ median: number; spread: [number, number]; repeats: number; p95: number }> {
  for (let i = 0; i < options.warmup; i++) await sample();
  const values: number[] = [];
  for (let i = 0; i < options.repeats; i++) values.push(await sample());
  values.sort((a, b) => a - b);
  return { median: percentile(values, 50), spread: [percentile(values, 10), percentile(values, 90)], repeats: values.length, p95: percentile(values, 95) };
}
