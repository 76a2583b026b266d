// Self time by function and by file from a V8 .cpuprofile (Node's --cpu-prof, or Chromium's
// Profiler.stop through CDP): where a benchmark's CPU time went, printed beside its figure.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

/**
 * The heaviest functions and files by self time, as printable lines. `lastMs` keeps only the
 * samples of the profile's last milliseconds (a server profiled from start-up to exit, say).
 */
export function summariseProfile(profile: CpuProfile, title: string, lastMs = Infinity, rows = 25): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  const from = profile.endTime - lastMs * 1000;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = (profile.endTime - Math.max(from, profile.startTime)) / 1000;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url.replace(/^(file|https?):\/\/[^/]*/, '').replace(`${process.cwd()}/`, '').replace(/.*node_modules\//, 'node_modules/');
    add(byFunction, `${frame.functionName || '(anonymous)'}  ${where}:${String(frame.lineNumber + 1)}`, ms);
    add(byFile, where || `(${frame.functionName})`, ms);
  }
  // Time in each function and what it called (a function on the stack twice is counted twice).
  const inclusive = new Map<number, number>();
  const total = (id: number): number => {
    const known = inclusive.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const sum = (selfMs.get(id) ?? 0) + (node?.children ?? []).reduce((acc, child) => acc + total(child), 0);
    inclusive.set(id, sum);
    return sum;
  };
  const byFunctionTotal = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (!url) continue;
    const where = url.replace(/^(file|https?):\/\/[^/]*/, '').replace(`${process.cwd()}/`, '').replace(/.*node_modules\//, 'node_modules/');
    add(byFunctionTotal, `${functionName || '(anonymous)'}  ${where}:${String(lineNumber + 1)}`, total(node.id));
  }
  const top = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, rows).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${k}`);
  return [`${title}, ${totalMs.toFixed(0)} ms profiled. Self time by function:`, ...top(byFunction), 'Self time by file:', ...top(byFile), 'Total time by function (itself and what it called):', ...top(byFunctionTotal)];
}
