import { describe, expect, it } from 'vitest';
import type { Operation } from '../../shared/schemas/operation';
import type { Outcome } from '../../shared/schemas/outcome';
import { startTestServer } from './harness';
import { StationClient } from './stationClient';

/**
 * docs/sync.md's conflict table, row by row: two stations act from the same state (each builds
 * its operation before either is pushed), then the operations arrive in each order. `ab` holds
 * the outcomes when A arrives first, `ba` when B arrives first (B's outcome listed first).
 */
interface Case {
  id: string;
  title: string;
  setup?: (s: StationClient) => Promise<unknown>;
  a: (s: StationClient) => Promise<Operation> | Operation;
  b: (s: StationClient) => Promise<Operation> | Operation;
  ab: [object, object];
  ba: [object, object];
  after?: { ab?: (s: StationClient) => Promise<void>; ba?: (s: StationClient) => Promise<void> };
}

const signOff = { meaning: 'performed', fieldValues: {} } as const;
const applied = { status: 'applied', note: null };
const noOp = (text: string) => ({ status: 'applied', note: expect.stringContaining(text) as string });
const stale = { status: 'needs_review', code: 'stale_step' };
const redlineClash = { status: 'needs_review', code: 'concurrent_redline' };
const rejected = (code: string) => ({ status: 'rejected', code });
const reached = (...runs: string[]) => ({ status: 'applied', propagatedTo: runs.map((r) => ({ runId: r, stepId: `${r}/inspect` })) });
const leftOut = (reachedRuns: string[], ...runs: string[]) => ({
  status: 'applied_with_exclusions',
  propagatedTo: reachedRuns.map((r) => ({ runId: r, stepId: `${r}/inspect` })),
  excluded: runs.map((r) => ({ runId: r, stepId: null, review: true })),
});
const batchB1 = (s: StationClient) => s.push(s.batchOp('createBatch', { batchId: 'B-1', title: null, runIds: ['R-1', 'R-2', 'R-3'] }));
const started = async (s: StationClient) => s.push(await s.stepOp('start', 'R-1', 'inspect', {}));
const redlined = async (s: StationClient) => s.push(await s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'Setup' }, 'eng'));
const stateOf = async (s: StationClient, runId: string) => (await s.step(runId, 'inspect')).state;

/** The review item a case's setup raised: its id is known only once the setup ran. */
let reviewId = '';
const staleFailItem = async (s: StationClient) => {
  await started(s);
  const fail = await s.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2');
  await s.push(await s.stepOp('signOff', 'R-1', 'inspect', signOff));
  await s.push(fail);
  reviewId = `${fail.id}~R-1`;
};
const leftOutItem = async (s: StationClient) => {
  await batchB1(s);
  const sign = await s.stepOp('signOff', 'R-1', 'inspect', signOff);
  await s.push(s.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }));
  await s.push(sign);
  reviewId = `${sign.id}~R-3`;
};
const resolve = (s: StationClient, action: 'acceptServer' | 'applyToRun' | 'reopen', who: 'sup' | 'eng' = 'sup') =>
  s.batchOp('resolveReview', { reviewId, action, reason: `Decided: ${action}` }, who);
const openItems = async (s: StationClient) => (await s.get<{ items: { review: { id: string } }[] }>('/v1/review?actorId=u-sup')).body.items.map((i) => i.review.id);

const cases: Case[] = [
  { id: 'S1', title: 'sign-off / sign-off of the same step', a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff, 'tech2'), ab: [applied, noOp('already complete by Ana Ortiz')], ba: [applied, noOp('already complete by Ben Okafor')] },
  { id: 'S2', title: 'sign-off / fail', setup: started, a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.stepOp('fail', 'R-1', 'inspect', { reason: 'Cracked' }, 'tech2'), ab: [applied, { ...stale, current: { state: 'complete' } }], ba: [applied, { ...stale, current: { state: 'failed' } }] },
  { id: 'S3', title: 'sign-off / skip', a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.stepOp('skip', 'R-1', 'inspect', { reason: 'Not needed' }, 'tech2'), ab: [applied, stale], ba: [applied, stale] },
  { id: 'S4', title: 'sign-off / hold', a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.stepOp('hold', 'R-1', 'inspect', { reason: 'Parts' }, 'tech2'), ab: [applied, stale], ba: [applied, stale] },
  { id: 'S5', title: 'fail / fail', setup: started, a: (s) => s.stepOp('fail', 'R-1', 'inspect', { reason: 'A' }), b: (s) => s.stepOp('fail', 'R-1', 'inspect', { reason: 'B' }, 'tech2'), ab: [applied, noOp('already failed')], ba: [applied, noOp('already failed')] },
  { id: 'S6', title: 'start / start', a: (s) => s.stepOp('start', 'R-1', 'inspect', {}), b: (s) => s.stepOp('start', 'R-1', 'inspect', {}, 'tech2'), ab: [applied, noOp('already in progress')], ba: [applied, noOp('already in progress')] },
  { id: 'S7', title: 'skip / start', a: (s) => s.stepOp('skip', 'R-1', 'inspect', { reason: 'Not needed' }), b: (s) => s.stepOp('start', 'R-1', 'inspect', {}, 'tech2'), ab: [applied, stale], ba: [applied, applied], after: { ba: async (s) => { expect(await stateOf(s, 'R-1')).toBe('skipped'); } } },
  { id: 'S8', title: 'reopen / reopen', setup: async (s) => s.push(await s.stepOp('signOff', 'R-1', 'inspect', signOff)), a: (s) => s.stepOp('reopen', 'R-1', 'inspect', { reason: 'A' }, 'sup'), b: (s) => s.stepOp('reopen', 'R-1', 'inspect', { reason: 'B' }, 'admin'), ab: [applied, noOp('already to do')], ba: [applied, noOp('already to do')] },
  { id: 'S9', title: 'enter values / sign-off', a: (s) => s.stepOp('enterFields', 'G-1', 'measure', { values: { gap: 0.2 } }), b: (s) => s.stepOp('signOff', 'G-1', 'measure', { meaning: 'performed', fieldValues: { gap: 0.25 } }, 'tech2'), ab: [applied, applied], ba: [applied, stale], after: { ab: async (s) => { expect((await s.step('G-1', 'measure')).fieldValues).toEqual({ gap: 0.25 }); } } },
  { id: 'S10', title: 'two installs filling a one-unit part line', a: (s) => s.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-A', lot: null, quantity: 1 }), b: (s) => s.stepOp('recordInstall', 'R-1', 'connector', { requirementId: 'req-conn', serial: 'C-B', lot: null, quantity: 1 }, 'tech2'), ab: [applied, rejected('invalid_input')], ba: [applied, rejected('invalid_input')] },
  { id: 'R1', title: 'redline / redline of the same step', a: (s) => s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'A' }, 'eng'), b: (s) => s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'B' }, 'admin'), ab: [applied, { ...redlineClash, current: { by: 'Dana Levi' } }], ba: [applied, { ...redlineClash, current: { by: 'Eli Novak' } }] },
  { id: 'R2', title: 'redline / sign-off', a: (s) => s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'A' }, 'eng'), b: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff, 'tech2'), ab: [applied, stale], ba: [applied, stale] },
  { id: 'R3', title: 'redline edit / redline edit', setup: redlined, a: (s) => s.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'A' } }, 'eng'), b: (s) => s.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'B' } }, 'admin'), ab: [applied, redlineClash], ba: [applied, redlineClash] },
  { id: 'R4', title: 'redline finish / redline edit', setup: redlined, a: (s) => s.stepOp('redlineFinish', 'R-1', 'inspect', {}, 'eng'), b: (s) => s.stepOp('redlineEdit', 'R-1', 'inspect', { changes: { title: 'B' } }, 'admin'), ab: [applied, stale], ba: [applied, redlineClash] },
  { id: 'R5', title: 'redline cancel / redline finish', setup: redlined, a: (s) => s.stepOp('redlineCancel', 'R-1', 'inspect', {}, 'eng'), b: (s) => s.stepOp('redlineFinish', 'R-1', 'inspect', {}, 'admin'), ab: [applied, stale], ba: [applied, stale] },
  { id: 'B1', title: 'sign-off in a batch / a member removed', setup: batchB1, a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }), ab: [reached('R-2', 'R-3'), applied], ba: [applied, leftOut(['R-2'], 'R-3')], after: { ab: async (s) => { expect(await stateOf(s, 'R-3')).toBe('complete'); }, ba: async (s) => { expect(await stateOf(s, 'R-3')).toBe('todo'); } } },
  { id: 'B2', title: 'sign-off in a batch / a run added', setup: batchB1, a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-4'] }), ab: [reached('R-2', 'R-3'), applied], ba: [applied, reached('R-2', 'R-3')], after: { ab: async (s) => { expect(await stateOf(s, 'R-4')).toBe('todo'); }, ba: async (s) => { expect(await stateOf(s, 'R-4')).toBe('todo'); } } },
  { id: 'B3', title: 'sign-off in a batch / unbatch all', setup: batchB1, a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.batchOp('unbatchAll', { batchId: 'B-1' }), ab: [reached('R-2', 'R-3'), applied], ba: [applied, leftOut([], 'R-2', 'R-3')] },
  { id: 'B4', title: 'sign-off on one run / fail on its sibling', setup: async (s) => { await batchB1(s); await started(s); }, a: (s) => s.stepOp('signOff', 'R-1', 'inspect', signOff), b: (s) => s.stepOp('fail', 'R-2', 'inspect', { reason: 'Cracked' }, 'tech2'), ab: [reached('R-2', 'R-3'), stale], ba: [reached('R-1', 'R-3'), stale] },
  { id: 'B5', title: 'redline on one run / redline on its sibling', setup: batchB1, a: (s) => s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'A' }, 'eng'), b: (s) => s.stepOp('redlineOpen', 'R-2', 'inspect', { reason: 'B' }, 'admin'), ab: [reached('R-2', 'R-3'), redlineClash], ba: [reached('R-1', 'R-3'), redlineClash] },
  { id: 'B6', title: 'redline in a batch / a member removed', setup: batchB1, a: (s) => s.stepOp('redlineOpen', 'R-1', 'inspect', { reason: 'A' }, 'eng'), b: (s) => s.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }), ab: [reached('R-2', 'R-3'), rejected('batch_rule')], ba: [applied, leftOut(['R-2'], 'R-3')] },
  { id: 'M1', title: 'two new batches sharing a run', a: (s) => s.batchOp('createBatch', { batchId: 'B-2', title: null, runIds: ['R-4', 'R-5'] }), b: (s) => s.batchOp('createBatch', { batchId: 'B-3', title: null, runIds: ['R-5', 'R-6'] }), ab: [applied, { ...rejected('batch_rule'), reason: expect.stringContaining('already in Batch B-2') as string }], ba: [applied, { ...rejected('batch_rule'), reason: expect.stringContaining('already in Batch B-3') as string }] },
  { id: 'M2', title: 'run added to a batch / batch dissolved', setup: batchB1, a: (s) => s.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-4'] }), b: (s) => s.batchOp('unbatchAll', { batchId: 'B-1' }), ab: [applied, applied], ba: [applied, rejected('unknown_batch')], after: { ab: async (s) => { expect((await s.run('R-4')).run.batchId).toBeNull(); } } },
  { id: 'M3', title: 'run added to a batch / same run put in a new batch', setup: batchB1, a: (s) => s.batchOp('addRunsToBatch', { batchId: 'B-1', runIds: ['R-4'] }), b: (s) => s.batchOp('createBatch', { batchId: 'B-2', title: null, runIds: ['R-4', 'R-5'] }), ab: [applied, rejected('batch_rule')], ba: [applied, rejected('batch_rule')] },
  { id: 'M4', title: 'a member removed twice', setup: batchB1, a: (s) => s.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }), b: (s) => s.batchOp('removeRunFromBatch', { batchId: 'B-1', runId: 'R-3' }, 'admin'), ab: [applied, noOp('no longer in a batch')], ba: [applied, noOp('no longer in a batch')] },
  { id: 'V1', title: 'two resolutions of the same review item', setup: staleFailItem, a: (s) => resolve(s, 'acceptServer'), b: (s) => resolve(s, 'reopen', 'eng'), ab: [applied, noOp('Already resolved by Chen Wei')], ba: [applied, noOp('Already resolved by Dana Levi')] },
  { id: 'V2', title: 'resolution by reopening / the step reopened directly', setup: staleFailItem, a: (s) => resolve(s, 'reopen'), b: (s) => s.stepOp('reopen', 'R-1', 'inspect', { reason: 'Redo' }, 'eng'), ab: [applied, noOp('already to do')], ba: [applied, noOp('already to do')], after: { ba: async (s) => { expect(await openItems(s)).toEqual([]); } } },
  { id: 'V3', title: 'resolution applying a left-out sign-off / the run skips that step', setup: leftOutItem, a: (s) => resolve(s, 'applyToRun'), b: (s) => s.stepOp('skip', 'R-3', 'inspect', { reason: 'Not needed' }, 'tech2'), ab: [applied, stale], ba: [applied, { ...rejected('invalid_transition'), reason: expect.stringContaining('it is skipped') as string }], after: { ab: async (s) => { expect(await stateOf(s, 'R-3')).toBe('complete'); }, ba: async (s) => { expect(await openItems(s)).toEqual([reviewId]); } } },
  { id: 'M5', title: 'batch renamed twice', setup: batchB1, a: (s) => s.batchOp('renameBatch', { batchId: 'B-1', title: 'From A' }), b: (s) => s.batchOp('renameBatch', { batchId: 'B-1', title: 'From B' }, 'admin'), ab: [applied, applied], ba: [applied, applied], after: { ab: async (s) => { expect((await s.get<{ batch: { title: string } }>('/v1/batches/B-1')).body.batch.title).toBe('From B'); } } },
];

const needsReview = (o: Outcome) => o.status === 'needs_review' || (o.status === 'applied_with_exclusions' && o.excluded.some((e) => e.review));

describe('conflict table (docs/sync.md), both arrival orders', () => {
  for (const c of cases) {
    for (const order of ['ab', 'ba'] as const) {
      it(`${c.id} ${c.title}: ${order === 'ab' ? 'A then B' : 'B then A'}`, async () => {
        const server = await startTestServer();
        try {
          const setup = await StationClient.enrol(server.url, 'setup');
          const sa = await StationClient.enrol(server.url, 'A');
          const sb = await StationClient.enrol(server.url, 'B');
          await c.setup?.(setup);
          const a = await c.a(sa);
          const b = await c.b(sb);
          const sequence: [StationClient, Operation][] = order === 'ab' ? [[sa, a], [sb, b]] : [[sb, b], [sa, a]];
          const outcomes: Outcome[] = [];
          for (const [station, op] of sequence) outcomes.push(await station.pushOne(op));
          expect(outcomes[0]).toMatchObject(c[order][0]);
          expect(outcomes[1]).toMatchObject(c[order][1]);
          await c.after?.[order]?.(setup);
          // The review queue holds exactly those of the two operations whose outcome asks for a person.
          const pair = new Set([a.id, b.id]);
          const queued = [...new Set(server.store.review.items(false).map((i) => i.review.operationId))].filter((id) => pair.has(id));
          expect(queued).toEqual(sequence.filter((_, i) => needsReview(outcomes[i] as Outcome)).map(([, op]) => op.id));
        } finally {
          await server.dispose();
        }
      });
    }
  }
});
