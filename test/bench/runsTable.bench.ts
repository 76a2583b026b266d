import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { percentile, type Row } from './measure';

const config = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
const port = 4191;
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), spread: [percentile(sorted, 10), percentile(sorted, 90)] as [number, number], repeats: sorted.length };
};

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Badge').fill('2001');
  await page.getByLabel('PIN').fill('4444');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The runs table with 100,000 runs in the station's IndexedDB, in Debian's Chromium, on the
 * built renderer: from opening the station to the first rows, a search keystroke to updated rows,
 * the frames of a scripted scroll, and the JavaScript heap.
 */
export async function runsTable(): Promise<Row[]> {
  await build({ configFile: config, logLevel: 'warn' });
  const server = await preview({ configFile: config, logLevel: 'warn', preview: { port, strictPort: true } });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumFlags });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const base = `http://127.0.0.1:${String(port)}/`;
    await page.goto(`${base}?demo&seedRuns=100000`);
    await page.getByLabel('Badge').waitFor({ timeout: 240_000 });
    await signIn(page);
    await page.waitForFunction(() => document.querySelector('.count')?.textContent === '100,000 runs', undefined, { timeout: 30_000 });

    // From opening the station (the session is kept) to the first rows on screen.
    const firstRows: number[] = [];
    for (let i = 0; i < 6; i++) {
      const started = Date.now();
      await page.goto(base);
      await page.locator('#runs-row-0').waitFor();
      firstRows.push(Date.now() - started);
    }

    // The table answers searches once every run is counted and read into memory.
    await page.waitForFunction(() => document.querySelector('.count')?.textContent === '100,000 runs', undefined, { timeout: 30_000 });
    await page.waitForTimeout(2000);

    // A search to the updated rows: from the whole table, one input event (a scanner types a whole
    // id at once), until the row count shows the narrowed result.
    const search = page.getByRole('searchbox', { name: 'Search runs' });
    const keystrokes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      await search.fill(`R-2${String(10_000 + i * 7_919).padStart(5, '0')}`);
      await page.waitForFunction(() => document.querySelector('.count')?.textContent !== '100,000 runs', undefined, { timeout: 30_000 });
      keystrokes.push(Date.now() - started);
      await search.fill('');
      await page.waitForFunction(() => document.querySelector('.count')?.textContent === '100,000 runs', undefined, { timeout: 30_000 });
    }

    // A scripted scroll through the table, one step per frame, recording each frame's length.
    const frames = await page.evaluate(async () => {
      const grid = document.querySelector<HTMLElement>('[role="grid"]');
      if (!grid) throw new Error('no grid');
      const deltas: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 240; i++) {
        grid.scrollTop += 400;
        await new Promise<void>((resolve) => requestAnimationFrame(() => { resolve(); }));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const metrics = await cdp.send('Performance.getMetrics');
    const heapMb = (metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 2 ** 20;

    const first = summary(firstRows.slice(1));
    const keys = summary(keystrokes);
    const scroll = summary(frames.slice(5));
    const worstFrame = Math.max(...frames.slice(5));
    return [
      { figure: 'Runs table, 100,000 runs: start to first rows', unit: 'ms', ...first, target: '≤ 300 ms', met: first.median <= 300 },
      { figure: 'Runs table, 100,000 runs: search to updated rows', unit: 'ms', ...keys, target: '≤ 30 ms median', met: keys.median <= 30 },
      { figure: 'Runs table, 100,000 runs: scripted scroll frames', unit: 'ms', ...scroll, target: `no frame over 16 ms (worst ${worstFrame.toFixed(1)} ms)`, met: worstFrame <= 16.7 },
      { figure: 'Renderer JS heap with 100,000 runs cached', unit: 'MB', median: heapMb, spread: [heapMb, heapMb], repeats: 1, target: '≤ 250 MB', met: heapMb <= 250 },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => { resolve(); }));
  }
}
