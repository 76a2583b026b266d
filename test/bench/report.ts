import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Row } from './measure';

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Prints one table and writes the rows with the machine's description to .artifacts/bench/results.json. */
export function report(rows: readonly Row[]): void {
  const machine = `${String(cpus().length)} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const lines = rows.map((r) => [
    r.figure,
    `${fmt(r.median)} ${r.unit}`,
    `${fmt(r.spread[0])}–${fmt(r.spread[1])}`,
    String(r.repeats),
    r.target,
    r.reference ? `${r.reference.figure}: ${fmt(r.reference.median)} (×${r.reference.ratio.toFixed(2)})` : '',
    r.met === null ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const header = ['figure', 'median', 'p10–p90', 'n', 'target', 'reference (ratio)', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(`Lockstep benchmarks on ${machine}`);
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
  mkdirSync('.artifacts/bench', { recursive: true });
  writeFileSync('.artifacts/bench/results.json', `${JSON.stringify({ machine, at: new Date().toISOString(), rows }, null, 2)}\n`);
}
