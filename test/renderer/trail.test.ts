import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../shared/schemas/outcome';
import { stepTrail, trailEntries, type TrailSources } from '../../renderer/src/trail/stepTrail';
import { byteOrderMark, trailCsv, trailCsvColumns } from '../../renderer/src/trail/trailCsv';
import { Plant } from '../shared/fixtures';

/** The trail of one step, from a plant moved only by the engine (the evidence a cache would hold). */
function trailOf(plant: Plant, runId: string, origin: string, extra: Partial<TrailSources> = {}) {
  const stepId = `${runId}/${origin}`;
  return stepTrail({
    stepId,
    runId,
    entries: plant.audit.filter((a) => a.runId === runId),
    related: plant.audit,
    signatures: plant.signatures.filter((s) => s.stepId === stepId),
    outcomes: new Map(),
    stepNumber: (id) => plant.state.steps.get(id)?.number ?? null,
    fields: plant.step(runId, origin).fields,
    ...extra,
  });
}

describe('step trail', () => {
  it('lists every change oldest first: batch membership, state changes with reasons, and the signature with its meaning', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Fixture missing' }));
    plant.must(plant.stepOp('release', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const lines = trailOf(plant, 'R-1', 'inspect');
    expect(lines.map((l) => l.what)).toEqual([
      'Batch created B-1',
      'Started: To do → In progress',
      'Put on hold: In progress → On hold',
      'Released from hold: On hold → In progress',
      'Signed off: In progress → Complete',
    ]);
    expect(lines.map((l) => l.at)).toEqual([...lines.map((l) => l.at)].sort());
    expect(lines[2]?.reason).toBe('Fixture missing');
    const signature = plant.signatures.find((s) => s.stepId === 'R-1/inspect');
    expect(lines[4]).toMatchObject({ who: 'Ana Ortiz', station: 'ST-1', signature: { name: signature?.signerName, meaning: 'performed', signedAt: signature?.signedAt } });
    // Nothing here came from the server yet.
    expect(lines.every((l) => l.receivedAt === null)).toBe(true);
  });

  it('names where a propagated sign-off came from on a sibling, and where it went on its source', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2', 'R-3']);
    plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const sibling = trailOf(plant, 'R-2', 'inspect').at(-1);
    expect(sibling).toMatchObject({
      what: 'Signed off: To do → Complete',
      source: 'Applied through Batch B-1 from run R-1, step 1',
      targets: null,
      signature: { name: 'Ana Ortiz', meaning: 'performed' },
    });
    expect(trailOf(plant, 'R-1', 'inspect').at(-1)).toMatchObject({ source: null, targets: 'Also applied to R-2, R-3' });
  });

  it('adds the runs this station’s outcome left out, with the reason', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    const result = plant.must(plant.stepOp('signOff', 'R-1', 'inspect', { meaning: 'performed', fieldValues: {} }));
    const operationId = plant.audit.at(-1)?.operationId ?? '';
    const outcome: Outcome = { status: 'applied_with_exclusions', note: null, propagatedTo: result.outcome.status === 'applied' ? result.outcome.propagatedTo : [], excluded: [{ runId: 'R-3', stepId: null, reason: 'R-3 left the batch', review: true }] };
    const line = trailOf(plant, 'R-1', 'inspect', { outcomes: new Map([[operationId, outcome]]) }).at(-1);
    expect(line?.targets).toBe('Also applied to R-2. Left out: R-3 (R-3 left the batch)');
  });

  it('keeps the server’s receive time when the cache has it', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    const entries = plant.audit.map((a) => ({ ...a, receivedAt: '2026-11-26T09:00:00.000Z' }));
    expect(trailOf(plant, 'R-1', 'inspect', { entries }).map((l) => l.receivedAt)).toEqual(['2026-11-26T09:00:00.000Z']);
  });

  it('describes redlines and part installs', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Wrong torque value' }, 'eng'));
    plant.must(plant.stepOp('redlineCancel', 'R-1', 'inspect', {}, 'eng'));
    expect(trailOf(plant, 'R-1', 'inspect').map((l) => [l.what, l.reason])).toEqual([
      ['Redline opened: To do → Redline', 'Wrong torque value'],
      ['Redline cancelled: Redline → To do', null],
    ]);
  });

  it('names the values a signature covers, and the parts installed', () => {
    const plant = new Plant();
    plant.prepareUpTo('R-1', 'qa');
    expect(trailOf(plant, 'R-1', 'torque').at(-1)?.signature?.values).toEqual(['Wrench setting: 12 Nm']);
    expect(trailOf(plant, 'R-1', 'connector').map((l) => l.what)).toEqual([`Part installed: ${String(plant.step('R-1', 'connector').buildRequirements[0]?.partNumber)} serial C-R-1`, 'Signed off: To do → Complete']);
  });

  it("counts its lines from the run's entries alone, as the closed history shows them", () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('start', 'R-1', 'inspect', {}));
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Fixture missing' }));
    plant.must(plant.stepOp('release', 'R-1', 'inspect', {}));
    const runEntries = plant.audit.filter((a) => a.runId === 'R-1');
    const lines = trailOf(plant, 'R-1', 'inspect');
    // Batch created, started, put on hold, released; the siblings' entries are not lines here.
    expect(lines.length).toBe(4);
    expect(runEntries.length).toBeLessThan(plant.audit.length);
    expect(trailEntries(runEntries, { id: 'R-1/inspect', runId: 'R-1' })).toHaveLength(lines.length);
  });

  it('leaves out other steps and other runs', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('start', 'R-2', 'inspect', {}));
    expect(trailOf(plant, 'R-1', 'inspect')).toEqual([]);
  });
});

describe('trail CSV', () => {
  it('starts with the byte-order mark and parses back to the lines, one row each, in order', () => {
    const plant = new Plant();
    plant.batch('B-1', ['R-1', 'R-2']);
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: 'Scope, "calibrated", then re-checked' }));
    const lines = trailOf(plant, 'R-1', 'inspect');
    const csv = trailCsv(lines, { runId: 'R-1', number: '1' });
    expect(csv.startsWith(byteOrderMark)).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...trailCsvColumns]);
    expect(parsed.data.map((r) => [r['What'], r['Who'], r['Reason'], r['Station time (UTC)'], r['Received by server (UTC)']])).toEqual(
      lines.map((l) => [l.what, l.who, l.reason ?? '', l.at, 'not yet received by the server']),
    );
  });

  it('neutralises a reason a spreadsheet would run as a formula', () => {
    const plant = new Plant();
    plant.must(plant.stepOp('hold', 'R-1', 'inspect', { reason: '=HYPERLINK("http://x")' }));
    const parsed = Papa.parse<Record<string, string>>(trailCsv(trailOf(plant, 'R-1', 'inspect'), { runId: 'R-1', number: '1' }).slice(1), { header: true });
    expect(parsed.data[0]?.['Reason']?.startsWith('=')).toBe(false);
  });
});
