import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchCandidates } from '../../renderer/src/batch/batchCandidates';
import { compareRuns } from '../../renderer/src/store/runOrder';
import { RunIndex } from '../../renderer/src/store/runIndex';
import type { RunSummary } from '../../renderer/src/store/runSummary';

const run = (id: number, procedureVersionId: string, batchId: string | null, title = `Harness ${String(id)}`): RunSummary => ({
  id: `R-${String(id)}`,
  title,
  unitSerial: `SN-${String(id)}`,
  procedureVersionId,
  batchId,
  status: 'todo',
  stepsDone: 0,
  stepsTotal: 3,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const indexOf = (runs: readonly RunSummary[]) => {
  const index = new RunIndex();
  index.apply(runs);
  return index;
};

describe('batchCandidates', () => {
  it('lists runs outside the batch in ID order, those of the members\' procedure versions first', () => {
    const index = indexOf([run(10, 'P-A@1', null), run(2, 'P-B@1', null), run(3, 'P-A@1', 'B-1'), run(4, 'P-A@1', 'B-2'), run(1, 'P-C@1', null)]);
    expect(batchCandidates(index, 'B-1', ['P-A@1'], '', 9).map((r) => r.id)).toEqual(['R-4', 'R-10', 'R-1', 'R-2']);
    // Runs in another batch are listed (the picker says which batch holds them); the limit holds.
    expect(batchCandidates(index, 'B-1', ['P-A@1'], '', 2).map((r) => r.id)).toEqual(['R-4', 'R-10']);
  });

  it('matches the search on ID or title only, as the picker says', () => {
    const index = indexOf([run(1, 'P-A@1', null, 'Pump'), run(2, 'P-A@1', null, 'Harness'), run(12, 'P-B@1', null, 'Valve')]);
    expect(batchCandidates(index, 'B-1', [], 'pump', 9).map((r) => r.id)).toEqual(['R-1']);
    expect(batchCandidates(index, 'B-1', [], 'r-1', 9).map((r) => r.id)).toEqual(['R-1', 'R-12']);
    // The serial is searched by the runs table, not here.
    expect(batchCandidates(index, 'B-1', [], 'SN-2', 9)).toEqual([]);
  });

  it('answers as reading every run would: the same runs, in the same order', () => {
    const summary = fc.record({
      id: fc.integer({ min: 1, max: 60 }),
      version: fc.constantFrom('P-A@1', 'P-B@2', 'P-C@1'),
      batch: fc.constantFrom(null, 'B-1', 'B-2'),
      title: fc.constantFrom('Pump 10', 'pump 9', 'Harness'),
    }).map((r) => run(r.id, r.version, r.batch, r.title));
    fc.assert(
      fc.property(fc.array(summary, { maxLength: 40 }), fc.subarray(['P-A@1', 'P-B@2']), fc.constantFrom('', 'pump', 'R-1', 'HARNESS', 'zzz'), fc.integer({ min: 1, max: 9 }), (runs, versions, search, limit) => {
        const latest = [...new Map(runs.map((r) => [r.id, r])).values()].sort(compareRuns.id);
        const needle = search.trim().toLowerCase();
        const fits = (r: RunSummary) => r.batchId !== 'B-1' && (r.id.toLowerCase().includes(needle) || r.title.toLowerCase().includes(needle));
        const expected = [...latest.filter((r) => fits(r) && versions.includes(r.procedureVersionId)), ...latest.filter((r) => fits(r) && !versions.includes(r.procedureVersionId))].slice(0, limit);
        expect(batchCandidates(indexOf(runs), 'B-1', versions, search, limit)).toEqual(expected);
      }),
    );
  });
});
