import { serverMemory } from '../serverMemory.bench';
import type { ScaleTable } from './table';

/** Server RSS with 40 stations connected, for three plant sizes. */
export async function byRuns(): Promise<ScaleTable> {
  const rows: string[][] = [];
  for (const runs of [10_000, 50_000, 100_000]) {
    const row = await serverMemory(runs);
    rows.push([runs.toLocaleString('en'), row.median.toFixed(0), `${row.spread[0].toFixed(0)}–${row.spread[1].toFixed(0)}`]);
  }
  return { title: 'Server memory vs runs (40 stations enrolled, each holding its event stream and having pulled its first page)', header: ['runs', 'MB RSS (median of 5 samples)', 'range'], rows };
}
