import { expect, test, type Page } from '@playwright/test';
import { chooseOption, openBatchManager, openRun, openStation, pickStep, runRow, runsGrid, showRuns, signIn, start, stepDetail, stepState, waiting } from './helpers';

async function action(page: Page, name: string): Promise<void> {
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name, exact: true }).click();
}

test('sign-in takes badge and PIN; who is signed in is always shown; sign-out returns to sign-in', async ({ page }) => {
  await openStation(page);
  await page.getByLabel('Badge').fill('1001');
  await page.getByLabel('PIN').fill('9999');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That PIN is not right' })).toBeVisible();
  await page.getByLabel('Badge').fill('1099');
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "Frank Former's account is deactivated" })).toBeVisible();

  // A badge scanner types the badge and presses Enter: the PIN field is next.
  await page.getByLabel('Badge').fill('');
  await page.getByLabel('Badge').click();
  await page.keyboard.type('3001');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('PIN')).toBeFocused();
  await page.keyboard.type('5555');
  await page.keyboard.press('Enter');
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Dana Levi')).toBeVisible();
  await expect(banner.getByText('Engineer')).toBeVisible();
  await expect(runsGrid(page)).toBeVisible();

  // Still signed in on the run view.
  await openRun(page, 'R-1001');
  await expect(banner.getByText('Dana Levi')).toBeVisible();
  await banner.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(banner.getByText('Not signed in')).toBeVisible();
});

test('after five minutes without activity the station locks and needs the PIN again', async ({ page }) => {
  await page.clock.install();
  await openStation(page);
  await signIn(page, 'tech');
  await page.clock.fastForward('05:10');
  const lock = page.getByRole('dialog', { name: 'Station locked' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Ana Ortiz, enter your PIN to continue');
  await lock.getByLabel('PIN').fill('2222');
  await lock.getByRole('button', { name: 'Continue' }).click();
  await expect(lock.getByRole('alert')).toHaveText('That PIN is not right');
  await lock.getByLabel('PIN').fill('1111');
  await lock.getByRole('button', { name: 'Continue' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('banner').getByText('Ana Ortiz')).toBeVisible();
  await expect(runsGrid(page)).toBeVisible();
});

test('the header badge shows online or offline, the operations waiting to sync and the last sync', async ({ page, context }) => {
  await start(page, 'sup');
  const badge = page.getByRole('status', { name: 'Sync status' });
  await expect(badge).toContainText('Online');
  await expect(badge).toContainText('0 waiting to sync');
  await expect(badge).toContainText('Last sync: never');
  await context.setOffline(true);
  await expect(badge).toContainText('Offline');
  // Work goes on offline, saved on this station.
  await showRuns(page, 'R-100');
  await runRow(page, 'R-1001').getByRole('checkbox').click();
  await runRow(page, 'R-1002').getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Batch', exact: true }).click();
  await expect(badge).toContainText('1 waiting to sync');
  await context.setOffline(false);
  await expect(badge).toContainText('Online');
});

test('sort, filters, search and columns are kept for the station across a reload', async ({ page }) => {
  await start(page, 'sup');
  await chooseOption(page, 'Sort by', 'Run ID');
  await page.getByRole('button', { name: /^Sort order/ }).click();
  await chooseOption(page, 'Status', 'On hold');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Unit serial' }).click();
  await page.keyboard.press('Escape');
  await expect(runsGrid(page).getByRole('columnheader', { name: 'Unit serial' })).toHaveCount(0);
  const count = await page.locator('.count').innerText();
  await expect(runsGrid(page).getByRole('row').nth(1)).toContainText('On hold');

  await page.reload();
  await expect(runsGrid(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /Run ID Sort by$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Sort order: ascending/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /On hold Status$/ })).toBeVisible();
  await expect(runsGrid(page).getByRole('columnheader', { name: 'Unit serial' })).toHaveCount(0);
  await expect(runsGrid(page).getByRole('columnheader', { name: 'Run ID' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('.count')).toHaveText(count);

  await page.getByRole('searchbox', { name: 'Search runs' }).fill('R-1010');
  await expect(page.locator('.count')).toHaveText('1 run');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.locator('.count')).toHaveText('274 runs');
});

test('a reload keeps everything the outbox held, in order, with its effects still marked "saved on this station"', async ({ page }) => {
  await start(page, 'sup');
  await showRuns(page, 'R-100');
  await runRow(page, 'R-1001').getByRole('checkbox').click();
  await runRow(page, 'R-1002').getByRole('checkbox').click();
  await page.getByRole('button', { name: 'Batch', exact: true }).click();
  await expect(waiting(page, 1)).toBeVisible();

  await openRun(page, 'R-1001');
  await pickStep(page, 'Kit and inspect');
  await action(page, 'Start');
  await page.getByRole('dialog', { name: /^Start step 1/ }).getByRole('button', { name: 'Start', exact: true }).click();
  await pickStep(page, 'Verify kit against the pick list');
  await stepDetail(page).getByText('Yes', { exact: true }).click();
  await expect(waiting(page, 3)).toBeVisible();

  await page.reload();
  await expect(waiting(page, 3)).toBeVisible();
  const outbox = await page.evaluate(
    () =>
      new Promise<{ seq: number; kind: string }[]>((resolve, reject) => {
        const open = indexedDB.open('lockstep-station');
        open.onerror = () => {
          reject(new Error('open failed'));
        };
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => {
            resolve((all.result as { seq: number; op: { kind: string } }[]).map((e) => ({ seq: e.seq, kind: e.op.kind })));
          };
        };
      }),
  );
  expect(outbox).toEqual([
    { seq: 1, kind: 'createBatch' },
    { seq: 2, kind: 'start' },
    { seq: 3, kind: 'enterFields' },
  ]);
  await expect(page.getByRole('button', { name: /^Batch ST-\w+-1 · 2 runs/ })).toBeVisible();
  await pickStep(page, 'Verify kit against the pick list');
  await expect(stepDetail(page).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await expect(stepDetail(page).getByText('Saved on this station')).toBeVisible();
  await openRun(page, 'R-1002');
  await pickStep(page, 'Kit and inspect');
  await expect(stepState(page)).toHaveText(/In progress/);
  const manager = await openBatchManager(page, /^Batch ST-/);
  await expect(manager.locator('.run-card')).toHaveCount(2);
});

test('field values show their limits green or red; a sign-off outside them is refused before the PIN is asked', async ({ page }) => {
  await start(page, 'tech');
  await openRun(page, 'R-1018');
  await pickStep(page, 'Cut and strip wires');
  const length = stepDetail(page).getByRole('textbox', { name: 'Cut length (mm)' });
  await length.fill('505');
  await expect(stepDetail(page).getByText('✕ Outside limits')).toBeVisible();
  await length.press('Enter');
  await expect(waiting(page, 1)).toBeVisible();
  await expect(stepDetail(page).locator('.typed-field')).toHaveClass(/limit-outside/);

  await action(page, 'Sign off');
  const dialog = page.getByRole('dialog', { name: 'Sign off step 1 "Cut and strip wires"' });
  await expect(dialog.getByText('This cannot be done now: Cut length 505mm is outside its limits (498–502mm): fail the step or redline it')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Sign', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await length.fill('500.2');
  await expect(stepDetail(page).getByText('✓ Within limits')).toBeVisible();
  await length.press('Enter');
  await expect(waiting(page, 2)).toBeVisible();
  await action(page, 'Sign off');
  await dialog.getByLabel('PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(stepState(page)).toHaveText(/Complete/);
  await expect(stepDetail(page).getByText(/^✍ Signed by Ana Ortiz · Performed ·/)).toBeVisible();
  // A technician cannot sign the supervisor's QA step.
  await pickStep(page, 'QA release');
  await expect(stepDetail(page).getByText('Must be signed by a supervisor or above')).toBeVisible();
});

test('start, hold and release, fail and reopen, each with its reason, on a run in no batch', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1001');
  await pickStep(page, 'Kit and inspect');
  await action(page, 'Start');
  await expect(stepState(page)).toHaveText(/In progress/);

  await action(page, 'Hold');
  let dialog = page.getByRole('dialog', { name: 'Put step 1 "Kit and inspect" on hold' });
  await dialog.getByLabel('Reason (required)').fill('Pick list missing');
  await dialog.getByRole('button', { name: 'Put on hold' }).click();
  await expect(stepState(page)).toHaveText(/On hold/);
  await expect(stepDetail(page).getByText('Pick list missing')).toBeVisible();
  await action(page, 'Release hold');
  await expect(stepState(page)).toHaveText(/In progress/);

  await action(page, 'Fail');
  dialog = page.getByRole('dialog', { name: 'Fail step 1 "Kit and inspect"' });
  await dialog.getByLabel('Reason (required)').fill('Wrong board revision in the kit');
  await dialog.getByRole('button', { name: 'Fail step' }).click();
  await expect(stepState(page)).toHaveText(/Failed/);
  await expect(page.locator('.run-facts')).toContainText('Failed');

  await action(page, 'Reopen');
  dialog = page.getByRole('dialog', { name: 'Reopen step 1 "Kit and inspect"' });
  await dialog.getByLabel('Reason (required)').fill('Correct boards issued');
  await dialog.getByRole('button', { name: 'Reopen step' }).click();
  await expect(stepState(page)).toHaveText(/To do/);
  await expect(waiting(page, 5)).toBeVisible();
});
