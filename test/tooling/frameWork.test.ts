import { describe, expect, it } from 'vitest';
import { frameWork } from '../bench/frameWork';

const main = { pid: 1, tid: 7 };
const task = (ts: number, dur: number, tdur: number, where = main) => ({ name: 'ThreadControllerImpl::RunTask', cat: 'toplevel', ph: 'X', ts, dur, tdur, ...where });
const mark = (ts: number) => ({ name: 'lockstep:frame', cat: 'blink.user_timing', ph: 'R', ts, ...main });

describe('frameWork (the bench reading a Chrome trace)', () => {
  it('sums the tasks from the one holding a mark to the one holding the next, in wall and CPU time', () => {
    const trace = JSON.stringify({
      traceEvents: [
        task(1_000, 4_000, 3_000), // frame 1's rendering task, holding its mark
        mark(2_000),
        task(6_000, 2_000, 1_000), // work after it, before frame 2
        task(6_500, 500, 500), // nested in the task above: not counted twice
        task(6_000, 9_000, 9_000, { pid: 1, tid: 8 }), // another thread: not the page's main thread
        task(17_000, 5_000, 2_500), // frame 2
        mark(18_000),
        task(34_000, 1_000, 1_000), // frame 3
        mark(34_100),
      ],
    });
    expect(frameWork(trace, 'lockstep:frame')).toEqual({ wallMs: [6, 5], cpuMs: [4, 2.5] });
  });

  it('says so when the page never marked a frame', () => {
    expect(() => frameWork(JSON.stringify([task(0, 10, 10)]), 'lockstep:frame')).toThrow(/no "lockstep:frame" marks/);
  });
});
