import { describe, expect, it } from 'vitest';
import { createOnlineSignal } from '../../electron/onlineSignal';
import { ManualTime } from '../sync/fakeEdges';

function setup() {
  const time = new ManualTime();
  const network = { online: true, checks: 0 };
  let wake: (() => void) | null = null;
  const signal = createOnlineSignal({
    isOnline: () => {
      network.checks += 1;
      return network.online;
    },
    timers: time,
    pollMs: 5_000,
    wake: (listener) => {
      wake = listener;
      return () => {
        wake = null;
      };
    },
  });
  return { time, network, signal, wakeUp: () => wake?.(), awake: () => wake !== null };
}

describe('the online signal from Electron', () => {
  it('answers from the network each time it is asked', () => {
    const { network, signal } = setup();
    expect(signal.current()).toBe(true);
    network.online = false;
    expect(signal.current()).toBe(false);
  });

  it('reports each change once, at the next poll', async () => {
    const { time, network, signal } = setup();
    const seen: boolean[] = [];
    signal.subscribe((online) => seen.push(online));
    await time.advance(5_000);
    expect(seen).toEqual([]);
    network.online = false;
    await time.advance(5_000);
    await time.advance(5_000);
    network.online = true;
    await time.advance(5_000);
    expect(seen).toEqual([false, true]);
  });

  it('does not swallow a change the worker noticed first by asking', async () => {
    const { time, network, signal } = setup();
    const seen: boolean[] = [];
    signal.subscribe((online) => seen.push(online));
    network.online = false;
    expect(signal.current()).toBe(false);
    await time.advance(5_000);
    expect(seen).toEqual([false]);
  });

  it('checks at once when the computer wakes or is unlocked', () => {
    const { network, signal, wakeUp } = setup();
    const seen: boolean[] = [];
    signal.subscribe((online) => seen.push(online));
    network.online = false;
    wakeUp();
    expect(seen).toEqual([false]);
  });

  it('polls only while someone listens', async () => {
    const { time, network, signal, awake } = setup();
    const stop = signal.subscribe(() => undefined);
    expect(time.pending()).toEqual([5_000]);
    stop();
    expect(time.pending()).toEqual([]);
    expect(awake()).toBe(false);
    const before = network.checks;
    await time.advance(60_000);
    expect(network.checks).toBe(before);
  });

  it('stops everything on dispose', () => {
    const { time, signal, awake } = setup();
    signal.subscribe(() => undefined);
    signal.subscribe(() => undefined);
    signal.dispose();
    expect(time.pending()).toEqual([]);
    expect(awake()).toBe(false);
  });
});
