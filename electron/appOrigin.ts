/**
 * The station's pages are served from `app://station/` (electron/appProtocol.ts), never from
 * file:// or a web server: a standard, secure custom scheme gives the renderer an origin of its
 * own, so CSP 'self', IndexedDB and the sender checks all key on something no other page has.
 * Changing this origin would orphan every station's IndexedDB cache: keep it stable.
 */
export const appScheme = 'app';
export const appHost = 'station';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * True only for a URL on the app's own origin. Parsed, never matched by substring, and the parts
 * compared one by one: WHATWG URL reports the origin of a non-special scheme as "null", and a
 * user name (`app://evil@station/`) or port is never part of a URL this app makes.
 */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.hostname === appHost && url.port === '' && url.username === '' && url.password === '';
}
