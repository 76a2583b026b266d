import { mkdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { openRun, pickStep, start, stepDetail, stepState, waiting } from './helpers';

// Issue 6, the supervisor's batch review: the runs × steps matrix after a sign-off made through
// the batch, its CSV, its needs-attention filters, a cell opening its run at its step, the
// refusal a technician gets, axe, and the screenshots.

const shots = '.artifacts/screenshots';
const line2 = ['R-1005', 'R-1006', 'R-1007', 'R-1008', 'R-1009', 'R-1010'];

test.use({ viewport: { width: 1440, height: 900 } });

async function signOffPlaceComponents(page: Page): Promise<void> {
  await openRun(page, 'R-1005');
  await pickStep(page, 'Place components');
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name: 'Sign off', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign off step 2.2 "Place components"' });
  await dialog.getByLabel('PIN').fill('4444');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stepState(page)).toHaveText(/Complete/);
}

async function openBatchReview(page: Page, batchId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Supervisor' }).getByRole('link', { name: 'Batches' }).click();
  await page.getByRole('link', { name: new RegExp(`^Batch ${batchId}\\b`) }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Batch ${batchId}`) })).toBeVisible();
}

function cell(page: Page, runId: string, step: string) {
  return page.getByRole('link', { name: new RegExp(`^${runId}, step ${step.replace('.', '\\.')}: `) });
}

/** The matrix as its screen shows it: the header row, then each run with its cells' words. */
async function matrixOnScreen(page: Page): Promise<{ head: string[]; rows: string[][] }> {
  return page.locator('table.batch-matrix').evaluate((table) => {
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const head = [...table.querySelectorAll('thead th')].slice(1).map(text);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th .run-link')), ...[...tr.querySelectorAll('td .cell-word')].map(text)]);
    return { head, rows };
  });
}

test('after a sign-off through the batch, the matrix shows every sibling of B-101 as it now stands', async ({ page }) => {
  await start(page, 'sup');
  await signOffPlaceComponents(page);
  await openBatchReview(page, 'B-101');
  await expect(page.getByTestId('freshness')).toHaveText("This station's own demo plant: nothing to sync");
  for (const id of ['R-1005', 'R-1006', 'R-1007', 'R-1008']) await expect(cell(page, id, '2.2')).toHaveAccessibleName(`${id}, step 2.2: Complete`);
  await expect(cell(page, 'R-1009', '2.2')).toHaveAccessibleName('R-1009, step 2.2: To do · Left out');
  await expect(cell(page, 'R-1009', '2.2')).toHaveAccessibleDescription('Not reached by the sign-off from run R-1005');
  await expect(cell(page, 'R-1010', '2.2')).toHaveAccessibleName('R-1010, step 2.2: On hold · Left out');
  // The kit section was signed through the batch before: complete everywhere.
  for (const id of line2) await expect(cell(page, id, '1')).toHaveAccessibleName(`${id}, step 1: Complete`);
  await expect(page.getByText(/^All 6 runs$/)).toBeVisible();
});

test('the CSV export starts with a byte-order mark and matches the matrix on screen cell by cell', async ({ page }) => {
  await start(page, 'sup');
  await signOffPlaceComponents(page);
  await openBatchReview(page, 'B-101');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('batch-B-101.csv');
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  const screen = await matrixOnScreen(page);
  expect(header?.slice(4)).toEqual(screen.head);
  expect(rows.map((r) => r[0])).toEqual(line2);
  expect(rows.map((r) => [r[0] ?? '', ...r.slice(4)])).toEqual(screen.rows);
  expect(rows.find((r) => r[0] === 'R-1009')).toContain('To do · Left out');
});

test('the needs-attention filters narrow the rows to the runs with such a cell', async ({ page }) => {
  await start(page, 'sup');
  await signOffPlaceComponents(page);
  await openBatchReview(page, 'B-101');
  const filters = page.getByRole('group', { name: 'Show only runs that need attention' });
  const rowIds = () => page.locator('table.batch-matrix tbody .run-link').allInnerTexts();

  await filters.getByRole('button', { name: 'On hold (1)' }).click();
  await expect(page.getByText('1 of 6 runs')).toBeVisible();
  expect(await rowIds()).toEqual(['R-1010']);

  await filters.getByRole('button', { name: 'On hold (1)' }).click();
  await filters.getByRole('button', { name: 'Left out of a batch change (2)' }).click();
  await expect(page.getByText('2 of 6 runs')).toBeVisible();
  expect(await rowIds()).toEqual(['R-1009', 'R-1010']);

  await filters.getByRole('button', { name: 'Left out of a batch change (2)' }).click();
  await filters.getByRole('button', { name: 'Failed (0)' }).click();
  await expect(page.getByText('0 of 6 runs')).toBeVisible();
  expect(await rowIds()).toEqual([]);

  await filters.getByRole('button', { name: 'Show all runs' }).click();
  await expect(page.getByText('All 6 runs')).toBeVisible();
  expect(await rowIds()).toEqual(line2);
});

test('a click on a cell opens that run at that step', async ({ page }) => {
  await start(page, 'sup');
  await openBatchReview(page, 'B-101');
  await cell(page, 'R-1009', '2.2').click();
  await expect(page).toHaveURL(/#\/runs\/R-1009\/steps\/R-1009%2Fcb-smt-place$/);
  await expect(page.getByRole('heading', { level: 2, name: /^R-1009/ })).toBeVisible();
  await expect(stepDetail(page).getByRole('heading', { level: 3, name: /Place components/ })).toBeVisible();
  await expect(stepState(page)).toHaveText(/To do/);
});

test('deciding a review item in the queue needs a reason, queues like any operation and moves the item to Decided', async ({ page }) => {
  await start(page, 'sup');
  const nav = page.getByRole('navigation', { name: 'Supervisor' });
  await expect(nav.getByRole('link', { name: 'Review 3 open' })).toBeVisible();
  await nav.getByRole('link', { name: /^Review/ }).click();
  const item = page.getByRole('article').filter({ hasText: 'The step changed after it was seen' });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('region', { name: 'What the technician saw and did' })).toContainText('Failed the step');
  await expect(item.getByRole('region', { name: 'What the server had' })).toContainText('Complete');
  const runId = (await item.getByRole('heading', { level: 3 }).innerText()).split(',')[0] ?? '';

  await item.getByRole('button', { name: "Accept the server's state" }).click();
  const dialog = page.getByRole('dialog', { name: `Accept the server's state: ${runId}` });
  await dialog.getByRole('button', { name: "Accept the server's state" }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give a reason: it goes into the audit trail');
  await expect(waiting(page, 0)).toBeVisible();
  await dialog.getByLabel('Reason (required)').fill('Signed off correctly: the crack was on a spare housing');
  await dialog.getByRole('button', { name: "Accept the server's state" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${runId}: Server's state accepted: review item decided. Saved on this station.`)).toBeVisible();
  await expect(waiting(page, 1)).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Review 2 open' })).toBeVisible();
  await expect(page.getByText('2 open items')).toBeVisible();
  const decided = page.getByRole('article').filter({ hasText: 'Decided: Accept the server\'s state by Chen Wei' });
  await expect(decided).toContainText('Reason: Signed off correctly: the crack was on a spare housing');
  await expect(decided).toContainText('Saved on this station');
});

test('a technician sees no supervisor links and is refused the batch review, the batches and the review queue', async ({ page }) => {
  await start(page, 'tech');
  await expect(page.getByRole('navigation', { name: 'Supervisor' })).toHaveCount(0);
  for (const [hash, what] of [['#/batches/B-101', 'the batch review'], ['#/batches', 'the batches'], ['#/review', 'the review queue']] as const) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading', { level: 2, name: `Only supervisors can open ${what}` })).toBeVisible();
    await expect(page.getByText('Ana Ortiz does not have the permission to review batches and operations.')).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
  }
});

test('the batch review (matrix and chart) and the review queue have no WCAG 2.2 AA violations', async ({ page }) => {
  await start(page, 'sup');
  await signOffPlaceComponents(page);
  await page.getByRole('button', { name: 'Close message' }).click();
  await page.getByRole('navigation', { name: 'Supervisor' }).getByRole('link', { name: 'Batches' }).click();
  const batches = page.getByRole('table', { name: /Batches on this station/ });
  // B-101 has two runs left out of the sign-off and one on hold: it needs someone first.
  await expect(batches.getByRole('row').nth(1)).toContainText('Batch B-101: Line 2 morning');
  await expect(batches.getByRole('row').nth(1)).toContainText('2 runs: on hold 1, left out of a batch change 2');
  await expectNoViolations(page);
  await shoot(page, '7-batches', false);
  await openBatchReview(page, 'B-101');
  await expect(page.locator('.chart-box canvas').first()).toBeVisible();
  await expect(page.getByRole('figure').getByText(/^\d+ steps? completed in \d+ hours? with work/)).toBeVisible();
  await page.getByText('The hours in numbers').click();
  await expectNoViolations(page);
  await page.getByText('The hours in numbers').click();
  await shoot(page, '7-batch-review-matrix-chart', true);

  await page.getByRole('navigation', { name: 'Supervisor' }).getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review queue' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(3);
  await expectNoViolations(page);
  await shoot(page, '8-review-queue', false);
  await page.getByRole('article').first().getByRole('button', { name: "Accept the server's state" }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, '9-review-decision-dialog', false);
});

test('a supervisor’s header, with the Batches and Review links, stays on one line at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await start(page, 'sup');
  const nav = page.getByRole('navigation', { name: 'Supervisor' });
  await expect(nav.getByRole('link', { name: 'Batches' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Review \d+ open$/ })).toBeVisible();
  const tops = await page.locator('.app-header > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  const header = await page.locator('.app-header').boundingBox();
  // Every part starts within the first line of the header (none has wrapped onto a second).
  expect(tops.every((t) => t < 40)).toBe(true);
  expect(header?.height).toBeLessThan(80);
  for (const link of await nav.getByRole('link').all()) expect((await link.boundingBox())?.height).toBeGreaterThanOrEqual(44);
});

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found).toEqual([]);
}

async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage });
}
