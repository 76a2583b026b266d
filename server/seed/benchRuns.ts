import type { Store } from '../storage/store';
import { createRuns } from './createRuns';
import { demoProcedures } from './demoProcedures';

/**
 * `--seed-runs N`: adds N fresh runs of the smallest demo procedure for benchmarks, numbered
 * after any earlier ones, in chunks of one transaction each (one big transaction would hold
 * gigabytes of WAL before the first checkpoint).
 */
export function seedBenchRuns(store: Store, count: number, now: Date): void {
  const procedure = store.transaction(() => {
    const all = store.catalog.list();
    if (all.length === 0) demoProcedures().forEach((p) => { store.catalog.add(p, now.toISOString()); });
    return store.catalog.list().reduce((a, b) => (b.steps.length < a.steps.length ? b : a));
  });
  const existing = store.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM runs WHERE id LIKE 'BR-%'").get()?.n ?? 0;
  const at = now.toISOString();
  const chunk = 5000;
  for (let start = 0; start < count; start += chunk) {
    const specs = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => {
      const n = existing + start + i + 1;
      const id = `BR-${String(n).padStart(7, '0')}`;
      return { runId: id, title: `${procedure.name} ${id}`, unitSerial: `SN-${id}`, at };
    });
    store.transaction(() => { createRuns(store, procedure, specs); });
  }
}
