import { isAppUrl } from './appOrigin';
import type { Log } from './log';

/**
 * The one security policy for every window and every webContents the app creates. The same
 * functions run in tests and in production: main.ts applies them to Electron's objects, the tests
 * to small fakes of the same shape.
 */

/**
 * A page may not reach Node or Electron: its only way out is the preload's typed bridge. These
 * are the defaults of recent Electron too; they are spelled out so a default that changes, or a
 * stray override, cannot weaken them unnoticed.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  } as const;
}

/**
 * The Content-Security-Policy of every page the app serves (sent as a response header by
 * appProtocol.ts; the renderer's index.html carries its own meta policy too, and a page obeys
 * both). Scripts only from the app's own origin, no inline or eval'd script; no network at all
 * from the page: in Electron the sync worker in the main process talks to the server. Inline
 * styles stay allowed because the renderer's own policy allows them (component libraries set
 * style attributes); a style cannot run script.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's WebContents the policy touches. */
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * No navigation away from the app's own origin (a page that could navigate could leave the
 * bridge on a foreign page), no new windows, no webviews. External links go through
 * `station.shell.openExternal`, which checks them (externalUrl.ts); `window.open` and
 * `target=_blank` are refused, not forwarded, so there is exactly one way out.
 */
export function secureWebContents(contents: WebContentsLike, log: Log): void {
  const guardNavigation = (kind: string) => (event: PreventableEvent, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`Refused ${kind} to ${describe(url)}: the station only shows its own pages`);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Refused to attach a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Refused to open a window for ${describe(url)}`);
    return { action: 'deny' };
  });
}

/** The parts of Electron's Session the policy touches. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
}

/**
 * The station needs no browser permission (camera, microphone, notifications, geolocation, USB,
 * clipboard reading...): every request is denied, and every check answers no, so a page cannot
 * even probe.
 */
export function secureSession(session: SessionLike, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied a request for the ${permission} permission`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** A URL for a log line: cut short so a hostile page cannot flood the log with one. */
function describe(url: string): string {
  return JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
}
