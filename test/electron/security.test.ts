import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, isAppUrl } from '../../electron/appOrigin';
import { contentSecurityPolicy, secureSession, secureWebContents, secureWebPreferences } from '../../electron/security';
import { RecordingLog } from './fakes/log';
import { FakeSession, FakeWebContents } from './fakes/webContents';

/** URLs a hostile or broken page might try to reach, none of them the app. */
const foreign = [
  'https://evil.example/',
  'http://localhost:4173/index.html',
  'file:///etc/passwd',
  'file:///work/main/dist/renderer/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://station/1234',
  'app://evil.example/index.html',
  'app://station.evil.example/index.html',
  'app://evil@station/index.html',
  'app://station:8080/index.html',
  'app://stationx/index.html',
  'app:station/index.html',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '/index.html',
  'index.html',
  '',
];

describe('the app origin', () => {
  it('recognises its own pages, with any path, query or hash', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl(`${appOrigin}/`)).toBe(true);
    expect(isAppUrl(`${appOrigin}/index.html#/runs/R-12?step=4`)).toBe(true);
    expect(isAppUrl(`${appOrigin}/assets/index-abc.js`)).toBe(true);
  });

  it.each(foreign)('does not mistake %j for the app', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, { href: appEntryUrl }, new URL(appEntryUrl)]) expect(isAppUrl(value)).toBe(false);
  });
});

describe('webPreferences', () => {
  it('isolates the page from Node and Electron: only the preload bridge is left', () => {
    const prefs = secureWebPreferences('/app/dist/electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('a window’s webContents', () => {
  const secured = () => {
    const contents = new FakeWebContents();
    const log = new RecordingLog();
    secureWebContents(contents, log);
    return { contents, log };
  };

  it.each(foreign)('refuses to navigate or be redirected to %j', (url) => {
    const { contents, log } = secured();
    expect(contents.fire('will-navigate', url)).toBe(true);
    expect(contents.fire('will-redirect', url)).toBe(true);
    expect(log.warnings()).toHaveLength(2);
  });

  it('lets the app move between its own pages', () => {
    const { contents, log } = secured();
    expect(contents.fire('will-navigate', `${appOrigin}/index.html#/runs`)).toBe(false);
    expect(contents.fire('will-redirect', appEntryUrl)).toBe(false);
    expect(log.warnings()).toEqual([]);
  });

  it.each([appEntryUrl, 'https://docs.lockstep.example/', 'javascript:alert(1)'])('opens no window, for %j or anything else', (url) => {
    const { contents, log } = secured();
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(log.warnings()).toHaveLength(1);
  });

  it('attaches no webview', () => {
    const { contents } = secured();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('keeps a hostile URL from flooding the log', () => {
    const { contents, log } = secured();
    contents.fire('will-navigate', `https://evil.example/${'a'.repeat(10_000)}`);
    expect(log.warnings()[0]?.length).toBeLessThan(400);
  });
});

describe('the session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'persistent-storage', 'hid', 'serial', 'usb'])(
    'denies %s, on request and on check',
    (permission) => {
      const session = new FakeSession();
      secureSession(session, new RecordingLog());
      expect(session.request(permission)).toBe(false);
      expect(session.checkHandler?.({}, permission)).toBe(false);
    },
  );
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('falls back to nothing, and lets scripts come only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('allows no inline or evaluated script, no plugins, frames, forms or base changes', () => {
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const directive of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(directive)).toEqual(["'none'"]);
    }
  });

  it('lets the page talk to no server: the worker in main does the networking', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
