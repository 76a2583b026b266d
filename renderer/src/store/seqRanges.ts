/**
 * Sorted, distinct sequence numbers grouped into runs of consecutive ones, as [first, last]
 * pairs: a run is one IndexedDB range request (a getAll or a range delete) instead of one
 * request per number. A catch-up answers an outbox's operations in order, so a page's hundreds
 * of outcomes are usually one or two runs.
 */
export function consecutiveRuns(seqs: readonly number[]): [number, number][] {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const seq of sorted) {
    const last = runs[runs.length - 1];
    if (last && seq === last[1] + 1) last[1] = seq;
    else runs.push([seq, seq]);
  }
  return runs;
}
