import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { runRow, showRuns, start, waiting } from './helpers';

// Never a blank screen, never a lost outbox: a cache from a newer Lockstep or one that cannot be
// opened is explained, its pending operations can be exported, and only then reset.

async function batchTwoRuns(page: Page): Promise<void> {
  await showRuns(page, 'R-100');
  await runRow(page, 'R-1001').getByRole('checkbox').click();
  await runRow(page, 'R-1002').getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Batch', exact: true }).click();
  await expect(waiting(page, 1)).toBeVisible();
}

async function exportPending(page: Page): Promise<{ kind: string; operations: { seq: number; op: { kind: string } }[] }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export pending operations (JSON)' }).click();
  const file = await (await download).path();
  return JSON.parse(await readFile(file, 'utf8')) as { kind: string; operations: { seq: number; op: { kind: string } }[] };
}

test('a cache written by a newer Lockstep is refused with a clear message; the outbox is exported before any reset', async ({ page }) => {
  await start(page, 'sup');
  await batchTwoRuns(page);
  // A newer Lockstep upgraded the database (the open station lets go of it when asked).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('lockstep-station', 990);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => {
          reject(new Error(String(request.error)));
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This station’s data is from a newer Lockstep' })).toBeVisible();
  await expect(page.getByText(/saved by a newer version of Lockstep than this one/)).toBeVisible();
  const reset = page.getByRole('button', { name: 'Reset this station’s data' });
  await expect(reset).toBeDisabled();

  const exported = await exportPending(page);
  expect(exported.kind).toBe('lockstep-pending-operations');
  expect(exported.operations.map((e) => [e.seq, e.op.kind])).toEqual([[1, 'createBatch']]);
  await expect(page.getByText('Saved 1 pending operation to your downloads.')).toBeVisible();

  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(page.getByLabel('Badge')).toBeVisible({ timeout: 30_000 });
});

test('a cache that cannot be opened says so and offers the export; a screen that fails shows the error, not a blank page', async ({ page }) => {
  // The database refuses to open at its version, as a damaged store would; reading it raw still works.
  await page.addInitScript(() => {
    const factory = IDBFactory.prototype;
    const open = factory.open.bind(indexedDB);
    factory.open = (name: string, version?: number) => {
      if (sessionStorage.getItem('break-cache') === 'yes' && version !== undefined) {
        throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      }
      return version === undefined ? open(name) : open(name, version);
    };
  });
  await start(page, 'sup');
  await batchTwoRuns(page);

  // A damaged row: the run view fails, and the error boundary says what happened and what to do.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.open('lockstep-station');
        request.onsuccess = () => {
          const tx = request.result.transaction('runs', 'readwrite');
          tx.objectStore('runs').put({ id: 'R-1003', title: 'Damaged', stepIds: null, batchId: null });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
  );
  await page.goto('/#/runs/R-1003');
  await expect(page.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeVisible();
  await expect(page.getByText('Work saved on this station is safe.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to runs' }).click();
  await expect(page.getByRole('grid', { name: 'Runs' })).toBeVisible();

  await page.evaluate(() => {
    sessionStorage.setItem('break-cache', 'yes');
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This station’s data cannot be opened' })).toBeVisible();
  await expect(page.getByText(/Internal error opening backing store/)).toBeVisible();
  const exported = await exportPending(page);
  expect(exported.operations).toHaveLength(1);
  await expect(page.getByRole('button', { name: 'Reset this station’s data' })).toBeEnabled();
});
