import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from './harness';

/** The server can serve a built station renderer, so a browser opens the station from the server's own address. */
describe('serving the station renderer', () => {
  let server: TestServer;
  const stationDir = tempDir('lockstep-station-');

  beforeAll(async () => {
    mkdirSync(join(stationDir, 'assets'));
    writeFileSync(join(stationDir, 'index.html'), '<!doctype html><html><head><title>Lockstep</title></head></html>');
    writeFileSync(join(stationDir, 'assets', 'app.js'), 'console.log("station")');
    server = await startTestServer({ stationDir });
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(stationDir, { recursive: true, force: true });
  });

  it('serves index.html at / and the built assets', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<title>Lockstep</title>');
    expect(html).toContain('<meta name="lockstep-served-by-server" content="1" />');
    expect(await (await fetch(`${server.url}/index.html`)).text()).toBe(html);
    const script = await fetch(`${server.url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('still answers unknown paths with the API\'s JSON 404, and keeps serving the API', async () => {
    const missing = await fetch(`${server.url}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'route_not_found' } });
    const traversal = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });
});
