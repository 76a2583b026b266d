import { expect, type Locator, type Page } from '@playwright/test';

/** The demo plant's people (renderer/src/demo/users.ts): badge and PIN to sign in with. */
export const people = {
  tech: { badge: '1001', pin: '1111', name: 'Ana Ortiz' },
  sup: { badge: '2001', pin: '4444', name: 'Chen Wei' },
  eng: { badge: '3001', pin: '5555', name: 'Dana Levi' },
} as const;
export type Who = keyof typeof people;

/** Opens the station on an empty cache (each test has its own browser context) and waits for the demo plant. */
export async function openStation(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByLabel('Badge')).toBeVisible({ timeout: 30_000 });
}

export async function signIn(page: Page, who: Who): Promise<void> {
  const person = people[who];
  await page.getByLabel('Badge').fill(person.badge);
  await page.getByLabel('PIN').fill(person.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByText(person.name)).toBeVisible();
}

/** Opens the station and signs in: the runs table is on screen. */
export async function start(page: Page, who: Who = 'sup', path = '/'): Promise<void> {
  await openStation(page, path);
  await signIn(page, who);
  if (!path.includes('#/runs/')) await expect(runsGrid(page)).toBeVisible();
}

export function runsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Runs' });
}

/** The runs-table row of a run. */
export function runRow(page: Page, runId: string): Locator {
  return runsGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: runId, exact: true }) });
}

/** The station's code as the header shows it: batch ids made here start with it. */
export async function stationCode(page: Page): Promise<string> {
  return (await page.locator('.station-code').innerText()).trim();
}

/** Narrows the runs table with its search box, sorted by run ID ascending. */
export async function showRuns(page: Page, search: string): Promise<void> {
  await chooseOption(page, 'Sort by', 'Run ID');
  const direction = page.getByRole('button', { name: /^Sort order/ });
  if ((await direction.innerText()).includes('Descending')) await direction.click();
  await page.getByRole('searchbox', { name: /Search runs/ }).fill(search);
}

/** Picks an option of one of the labelled selects (React Aria Select). */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  // A React Aria Select button is named by its value, then its label: "Updated Sort by".
  await page.getByRole('button', { name: new RegExp(`${label}$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function openRun(page: Page, runId: string): Promise<void> {
  await page.goto(`/#/runs/${runId}`);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${runId}`) })).toBeVisible();
}

/** Selects a step in the run view's step list by its title. */
export async function pickStep(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(title) })).toBeVisible();
}

export function stepDetail(page: Page): Locator {
  return page.locator('section.step-detail');
}

/** The header's count of operations waiting to sync. */
export function waiting(page: Page, n: number): Locator {
  return page.getByRole('status', { name: 'Sync status' }).getByText(`${String(n)} waiting to sync`);
}

/** Opens the batch manager from the run header's pill. */
export async function openBatchManager(page: Page, pill: RegExp | string): Promise<Locator> {
  await page.getByRole('button', { name: pill }).click();
  await page.getByRole('menuitem', { name: 'Manage batch' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The state chip of the step shown in the run view ("✓ Complete", "▶ In progress", …). */
export function stepState(page: Page): Locator {
  return stepDetail(page).locator('.step-detail-head .chip');
}
