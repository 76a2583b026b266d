import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemePrivileges, contentTypeOf, createAppRequestHandler, resolveAppFile } from '../../electron/appProtocol';
import { contentSecurityPolicy } from '../../electron/security';

let scratch: string;
let root: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lockstep-protocol-'));
  root = path.join(scratch, 'dist/renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Lockstep</title>');
  await writeFile(path.join(root, 'assets/index-abc.js'), 'export {}');
  await writeFile(path.join(root, 'assets/a b.css'), 'body{}');
  // Beside the renderer build, where a traversal would land.
  await writeFile(path.join(scratch, 'dist/secret.txt'), 'token');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('app:// URLs to files', () => {
  it('maps the app’s URLs into the renderer build', () => {
    expect(resolveAppFile(root, 'app://station/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://station/index.html#/runs')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://station/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://station/assets/a%20b.css')).toBe(path.join(root, 'assets/a b.css'));
    expect(resolveAppFile(root, 'app://station/assets/')).toBe(path.join(root, 'assets/index.html'));
  });

  // The URL parser already folds `..` and `%2e%2e` away; what is left must still stay inside.
  it.each([
    'app://station/../secret.txt',
    'app://station/%2e%2e/secret.txt',
    'app://station/assets/%2e%2e/%2e%2e/secret.txt',
    'app://station/..%2fsecret.txt',
    'app://station/assets%2f..%2f..%2fsecret.txt',
    'app://station/..%5csecret.txt',
    'app://station/%2e%2e%5c%2e%2e%5csecret.txt',
  ])('never leaves the renderer build for %j', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    expect(file).not.toBe(path.join(scratch, 'dist/secret.txt'));
  });

  it.each([
    'app://station/..%2fsecret.txt',
    'app://station/..%5csecret.txt',
    'app://station/%00index.html',
    'app://station/%E0%A4%A',
    'app://evil/index.html',
    'app://evil@station/index.html',
    'file:///etc/passwd',
    'https://station/index.html',
  ])('refuses %j', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('the app:// protocol handler', () => {
  const handler = () => createAppRequestHandler({ root, readFile });

  it('serves the page with the Content-Security-Policy header and its type', async () => {
    const response = await handler()({ url: 'app://station/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Lockstep</title>');
  });

  it('serves scripts as JavaScript (module scripts need the right type)', async () => {
    const response = await handler()({ url: 'app://station/assets/index-abc.js', method: 'GET' });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, with the policy, for files that are not there or not the app’s', async () => {
    for (const url of ['app://station/missing.js', 'app://station/%2e%2e/secret.txt', 'app://station/assets']) {
      const response = await handler()({ url, method: 'GET' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(await response.text()).not.toContain('token');
    }
  });

  it('accepts only reads', async () => {
    const response = await handler()({ url: 'app://station/index.html', method: 'POST' });
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()({ url: 'app://station/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('the scheme', () => {
  it('is standard and secure, with no CSP bypass and no cross-origin reads', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('names content types by extension, unknown ones as bytes', () => {
    expect(contentTypeOf('a/B.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('thing.exe')).toBe('application/octet-stream');
  });
});
