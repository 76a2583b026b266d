import type { FromWorker } from '../../shared/sync/messages';
import type { OnlineSignal, Timers } from '../../shared/sync/worker';

/** A manual clock and timer queue: time moves only when a test says so. */
export class ManualTime implements Timers {
  now = Date.UTC(2026, 10, 26, 8, 0, 0);
  private next = 1;
  private readonly queue = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.set(handle, { at: this.now + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }

  /** Delays of the timers now waiting, soonest first. */
  pending(): number[] {
    return [...this.queue.values()].map((t) => t.at - this.now).sort((a, b) => a - b);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.queue.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.queue.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
      await settle();
    }
    this.now = until;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

export class ManualOnline implements OnlineSignal {
  private listeners = new Set<(online: boolean) => void>();
  constructor(private value = true) {}
  current(): boolean {
    return this.value;
  }
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(online: boolean): void {
    this.value = online;
    for (const l of this.listeners) l(online);
  }
}

/** Collects what the worker sends the renderer. */
export class Inbox {
  readonly messages: FromWorker[] = [];
  readonly send = (m: FromWorker) => {
    this.messages.push(m);
  };
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[] {
    return this.messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  }
  lastStatus() {
    const all = this.of('status');
    return all[all.length - 1]?.status;
  }
}
