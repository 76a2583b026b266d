/*
 * Small stand-ins for the Electron objects the main-process modules receive. They record what
 * the modules did and let a test play Electron's part (fire an event, send an IPC message); the
 * tests assert on what the module decided, never on the fake's own behaviour.
 */
import type { FrameLike, IpcEventLike, IpcMainLike } from '../../../electron/ipcRouter';

export const appFrame = (url = 'app://station/index.html#/runs'): FrameLike => ({ url, parent: null });
export const childFrame = (url: string, parentUrl = 'app://station/index.html'): FrameLike => ({ url, parent: { url: parentUrl, parent: null } });

/** ipcMain: records the registered listeners and lets a test send as some frame. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  readonly listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();

  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): this {
    this.listeners.set(channel, listener);
    return this;
  }

  /** ipcRenderer.invoke from `frame`. */
  async invoke(frame: FrameLike | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, ...args);
  }

  /** ipcRenderer.send from `frame`. */
  send(frame: FrameLike | null, channel: string, ...args: unknown[]): void {
    this.listeners.get(channel)?.({ senderFrame: frame }, ...args);
  }
}

/**
 * The renderer's end of the IPC pipe, as the preload sees ipcRenderer: invoke and send reach
 * `main` as coming from `frame`, payloads are structured-cloned as Electron does, and `deliver`
 * plays main's webContents.send.
 */
export class FakeIpcRenderer {
  private readonly listeners = new Map<string, ((event: unknown, message: never) => void)[]>();
  constructor(
    private readonly main: FakeIpcMain,
    public frame: FrameLike | null = appFrame(),
  ) {}

  send(channel: string, ...args: unknown[]): void {
    this.main.send(this.frame, channel, ...args.map((a) => structuredClone(a)));
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.main.invoke(this.frame, channel, ...args.map((a) => structuredClone(a))).then((answer) => structuredClone(answer));
  }
  on(channel: string, listener: (event: unknown, message: never) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: (event: unknown, message: never) => void): this {
    this.listeners.set(channel, (this.listeners.get(channel) ?? []).filter((l) => l !== listener));
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.length ?? 0;
  }

  /** The window's webContents, for main: what it sends arrives at the preload's listeners. */
  readonly webContents = {
    destroyed: false,
    isDestroyed: () => this.webContents.destroyed,
    send: (channel: string, message: unknown) => {
      const event = { sender: 'ipcRenderer internals the page must never see' };
      for (const listener of this.listeners.get(channel) ?? []) listener(event, structuredClone(message) as never);
    },
  };
}
