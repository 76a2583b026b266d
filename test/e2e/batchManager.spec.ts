import { expect, test, type Locator } from '@playwright/test';
import { openBatchManager, openRun, pickStep, runRow, showRuns, start, stepDetail, stepState, waiting } from './helpers';

// Spec "Open the batch manager", "Set or rename the batch title", "Add runs to a batch",
// "Remove a run from a batch" and "Unbatch every run", step by step with the spec's strings.

/** A run card of the batch manager, by the run id its trigger starts with. */
function card(dialog: Locator, runId: string): Locator {
  return dialog.locator('.run-card').filter({ has: dialog.page().getByRole('button', { name: new RegExp(`^${runId} `) }) });
}

test('the batch manager opens from the pill; its title row edits the title with Submit, and cancelling reverts', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  const dialog = await openBatchManager(page, /^Batch B-101: Line 2 morning/);
  await expect(dialog.getByRole('heading', { name: 'Batch B-101: Line 2 morning' })).toBeVisible();

  // Cancelling reverts to the previous title.
  await dialog.getByRole('button', { name: /Batch title: Line 2 morning/ }).click();
  await dialog.getByRole('textbox', { name: 'Batch title' }).fill('Scrap this');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('button', { name: /Batch title: Line 2 morning/ })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Batch B-101: Line 2 morning' })).toBeVisible();

  // Submit saves it: the header, the run header and the run list show it.
  await dialog.getByRole('button', { name: /Batch title: Line 2 morning/ }).click();
  await dialog.getByRole('textbox', { name: 'Batch title' }).fill('Line 2 night shift');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog.getByRole('heading', { name: 'Batch B-101: Line 2 night shift' })).toBeVisible();
  await expect(waiting(page, 1)).toBeVisible();

  // Search runs in batch, by ID and by title.
  const search = dialog.getByRole('searchbox', { name: 'Search runs in batch' });
  await search.fill('R-1007');
  await expect(dialog.locator('.run-card')).toHaveCount(1);
  await expect(dialog.getByText('1 of 6 runs in this batch')).toBeVisible();
  await search.fill('order 55100');
  await expect(dialog.locator('.run-card')).toHaveCount(1);
  await expect(card(dialog, 'R-1005')).toBeVisible();
  await search.fill('');
  await expect(dialog.locator('.run-card')).toHaveCount(6);

  // Expand all / Collapse all.
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Expand all' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(6);
  await expect(dialog.getByRole('button', { name: 'Remove & go to run' })).toHaveCount(6);
  await dialog.getByRole('button', { name: 'Collapse all' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^Batch B-101: Line 2 night shift/ })).toBeVisible();
  await page.getByRole('link', { name: '← Runs' }).click();
  await showRuns(page, 'R-1006');
  await expect(runRow(page, 'R-1006')).toContainText('Batch B-101: Line 2 night shift');
});

test('an untitled batch reads "Batch {id}"; Add a run to the batch picks runs not in it, with Add N to batch and Clear selection', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1011');
  const dialog = await openBatchManager(page, /^Batch B-102 /);
  await expect(dialog.getByRole('heading', { name: 'Batch B-102', exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Set a batch title' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Add a run to the batch' }).click();
  const picker = page.getByRole('dialog', { name: 'Add a run to the batch' });
  const list = picker.getByRole('listbox', { name: 'Runs not in this batch' });
  await expect(list.getByRole('option').first()).toBeVisible();
  // Runs already in this batch are excluded.
  for (const member of ['R-1011', 'R-1012', 'R-1013', 'R-1014']) await expect(list.getByRole('option', { name: new RegExp(`^${member} `) })).toHaveCount(0);

  const searchBox = picker.getByRole('searchbox', { name: 'Search runs by ID or title' });
  await searchBox.fill('R-1018');
  await list.getByRole('option', { name: /^R-1018 / }).click();
  await expect(picker.getByRole('button', { name: 'Add 1 to batch' })).toBeEnabled();
  await picker.getByRole('button', { name: 'Clear selection' }).click();
  await expect(picker.getByRole('button', { name: 'Add 0 to batch' })).toBeDisabled();

  // Searching by title; a run in another batch is listed but cannot be picked.
  await searchBox.fill('MH-48 motor harness');
  await expect(list.getByRole('option').first()).toBeVisible();
  await searchBox.fill('R-1018');
  await list.getByRole('option', { name: /^R-1018 / }).click();
  await searchBox.fill('R-1005');
  await expect(list.getByRole('option', { name: /^R-1005 / })).toHaveAttribute('aria-disabled', 'true');
  await expect(list.getByRole('option', { name: /^R-1005 / })).toContainText('in Batch B-101: Line 2 morning');
  await picker.getByRole('button', { name: 'Add 1 to batch' }).click();

  await expect(picker).toBeHidden();
  await expect(dialog.getByText('5 runs in this batch')).toBeVisible();
  await expect(card(dialog, 'R-1018')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Batch B-102 · 5 runs/ })).toBeVisible();
});

test('Remove and Remove & go to run take runs out; they keep their sign-offs; the opening run then reads "This run is no longer in a batch."', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  let dialog = await openBatchManager(page, /^Batch B-101/);

  await card(dialog, 'R-1006').getByRole('button', { name: /^R-1006 / }).click();
  await card(dialog, 'R-1006').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(card(dialog, 'R-1006')).toHaveCount(0);
  await expect(dialog.getByText('5 runs in this batch')).toBeVisible();

  await card(dialog, 'R-1007').getByRole('button', { name: /^R-1007 / }).click();
  await card(dialog, 'R-1007').getByRole('button', { name: 'Remove & go to run' }).click();
  await expect(page).toHaveURL(/#\/runs\/R-1007$/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: /^Batch B-101/ })).toHaveCount(0);
  // It keeps what it gathered while batched.
  await pickStep(page, 'Kit and inspect');
  await expect(stepState(page)).toHaveText(/Complete/);
  await expect(stepDetail(page).getByText(/^✍ Signed by/)).toBeVisible();

  await openRun(page, 'R-1005');
  dialog = await openBatchManager(page, /^Batch B-101/);
  await card(dialog, 'R-1005').getByRole('button', { name: /^R-1005 / }).click();
  await card(dialog, 'R-1005').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog.getByText('This run is no longer in a batch.')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Batch B-101: Line 2 morning' })).toBeVisible();
  await expect(waiting(page, 3)).toBeVisible();
});

test('Unbatch all asks to confirm, then every run leaves and the batch is dissolved', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1015');
  const dialog = await openBatchManager(page, /^Batch B-103: Pump pilot lot/);

  await dialog.getByRole('button', { name: 'Unbatch all' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Unbatch all runs?' });
  await expect(confirm).toContainText('All 3 runs leave Batch B-103: Pump pilot lot');
  await confirm.getByRole('button', { name: 'Keep the batch' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog.locator('.run-card')).toHaveCount(3);

  await dialog.getByRole('button', { name: 'Unbatch all' }).click();
  await page.getByRole('alertdialog', { name: 'Unbatch all runs?' }).getByRole('button', { name: 'Unbatch all' }).click();
  await expect(dialog.getByText('This run is no longer in a batch.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^Batch B-103/ })).toHaveCount(0);

  await page.getByRole('link', { name: '← Runs' }).click();
  await showRuns(page, 'R-101');
  for (const id of ['R-1015', 'R-1016', 'R-1017']) await expect(runRow(page, id)).not.toContainText('Batch B-103');
});
