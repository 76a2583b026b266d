import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveGuard } from '../../renderer/src/actions/saveGuard';

/** A save that ends when the test says. */
function pendingSave() {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { run: vi.fn(() => promise), finish, fail };
}

describe('a dialog saving', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one save at a time: a second confirm while one runs does nothing', async () => {
    const guard = new SaveGuard(() => undefined);
    const first = pendingSave();
    const second = pendingSave();
    const running = guard.run(first.run);
    expect(guard.saving).toBe(true);
    expect(await guard.run(second.run)).toBeUndefined();
    expect(second.run).not.toHaveBeenCalled();
    first.finish('saved');
    expect(await running).toBe('saved');
    expect(guard.saving).toBe(false);
    // Once it ended, the next one runs.
    const third = guard.run(second.run);
    second.finish('again');
    expect(await third).toBe('again');
  });

  it('shows itself busy only once the save has run a while, and not busy after', async () => {
    const busy: boolean[] = [];
    const guard = new SaveGuard((b) => busy.push(b), 150);
    const quick = pendingSave();
    const quickRun = guard.run(quick.run);
    await vi.advanceTimersByTimeAsync(100);
    quick.finish('quick');
    await quickRun;
    expect(busy).toEqual([false]);

    const slow = pendingSave();
    const slowRun = guard.run(slow.run);
    await vi.advanceTimersByTimeAsync(150);
    expect(busy).toEqual([false, true]);
    slow.finish('slow');
    await slowRun;
    expect(busy).toEqual([false, true, false]);
  });

  it('ends a save that failed, so the dialog can be used again', async () => {
    const busy: boolean[] = [];
    const guard = new SaveGuard((b) => busy.push(b));
    const failing = pendingSave();
    const run = guard.run(failing.run);
    failing.fail(new Error('disk full'));
    await expect(run).rejects.toThrow('disk full');
    expect(guard.saving).toBe(false);
    expect(busy.at(-1)).toBe(false);
  });
});
