import path from 'node:path';
import { appScheme, isAppUrl } from './appOrigin';
import { contentSecurityPolicy } from './security';

/**
 * Serves the built renderer (dist/renderer) under app://station/. Chosen over file:// because a
 * file:// page shares its origin with every local file: CSP 'self' would allow any script on the
 * disk, IndexedDB would belong to "file://", and the IPC sender check could not tell the app
 * from another local page. Serving the files ourselves also lets every answer carry the CSP
 * header (webRequest header hooks do not see file:// loads).
 */

/** Registered before the app is ready (protocol.registerSchemesAsPrivileged). */
export const appSchemePrivileges = {
  scheme: appScheme,
  // standard: relative URLs, origin and storage like https; secure: a secure context (crypto.subtle,
  // IndexedDB durability); supportFetchAPI: module scripts load through fetch. No corsEnabled and
  // no bypassCSP: other origins cannot read the app's files, and the CSP holds.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that an app:// URL names, or null when the URL is not the app's or would
 * leave `root` (`..`, encoded `%2e%2e` or `%2f`, backslashes, NUL). `/` is index.html; there is no
 * fallback for unknown paths: the renderer routes by hash.
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  const url = new URL(rawUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, ...segments);
  const relative = path.relative(resolvedRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export interface AppProtocolDeps {
  /** dist/renderer, inside app.asar when packaged (Electron's fs reads from the archive). */
  root: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

/** The protocol.handle('app', ...) handler. */
export function createAppRequestHandler(deps: AppProtocolDeps): (request: { url: string; method: string }) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'text/plain; charset=utf-8', 'Method not allowed');
    const file = resolveAppFile(deps.root, request.url);
    if (file === null) return answer(404, 'text/plain; charset=utf-8', 'Not found');
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch {
      return answer(404, 'text/plain; charset=utf-8', 'Not found');
    }
    // A copy in a fresh ArrayBuffer: a Buffer may be a view into Node's shared pool.
    return answer(200, contentTypeOf(file), request.method === 'HEAD' ? null : new Uint8Array(body));
  };
}

/** Every answer, errors included, carries the CSP and no-sniff headers. */
function answer(status: number, contentType: string, body: Uint8Array<ArrayBuffer> | string | null): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}
