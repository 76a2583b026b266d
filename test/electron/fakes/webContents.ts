/*
 * Small stand-ins for the Electron objects the main-process modules receive. They record what
 * the modules did and let a test play Electron's part (fire an event, send an IPC message); the
 * tests assert on what the module decided, never on the fake's own behaviour.
 */

interface Preventable {
  preventDefault(): void;
}

/** Electron's WebContents, as far as the security module touches it. */
export class FakeWebContents {
  private readonly listeners = new Map<string, ((event: Preventable, url: string) => void)[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  on(event: string, listener: (event: Preventable, url: string) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Fires an event the way Electron does; true when some listener prevented it. */
  fire(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url?: string): boolean {
    let prevented = false;
    const e = {
      preventDefault: () => {
        prevented = true;
      },
    };
    for (const listener of this.listeners.get(event) ?? []) listener(e, url ?? '');
    return prevented;
  }

  /** What window.open would get. */
  open(url: string): { action: string } | null {
    return this.openHandler?.({ url }) ?? null;
  }
}

/** Electron's Session, as far as the security module touches it. */
export class FakeSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;

  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }

  /** What a page asking for a permission would get; null when nobody answered. */
  request(permission: string): boolean | null {
    let answer: boolean | null = null;
    this.requestHandler?.({}, permission, (granted) => {
      answer = granted;
    });
    return answer;
  }
}
