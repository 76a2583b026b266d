import { expect, test } from '@playwright/test';
import { runRow, runsGrid, showRuns, start, stationCode, waiting } from './helpers';

// Spec "Create a batch from the runs table", and the toolbar saying why a selection cannot be batched.

test('selecting runs with Shift+click shows the floating toolbar, and Batch makes a new batch of them', async ({ page }) => {
  await start(page, 'sup');
  await showRuns(page, 'R-100');
  await runRow(page, 'R-1001').getByRole('gridcell').nth(2).click();
  await runRow(page, 'R-1004').getByRole('gridcell').nth(2).click({ modifiers: ['Shift'] });
  const toolbar = page.getByRole('toolbar', { name: 'Selected runs' });
  await expect(toolbar).toContainText('4 runs selected');
  for (const id of ['R-1001', 'R-1002', 'R-1003', 'R-1004']) await expect(runRow(page, id)).toHaveAttribute('aria-selected', 'true');
  await expect(runRow(page, 'R-1005')).toHaveAttribute('aria-selected', 'false');

  // Ctrl+click takes one run out again.
  await runRow(page, 'R-1002').getByRole('gridcell').nth(2).click({ modifiers: ['ControlOrMeta'] });
  await expect(toolbar).toContainText('3 runs selected');
  await expect(runRow(page, 'R-1002')).toHaveAttribute('aria-selected', 'false');

  const batch = toolbar.getByRole('button', { name: 'Batch', exact: true });
  await expect(batch).toHaveAttribute('aria-disabled', 'false');
  await batch.click();
  const code = await stationCode(page);
  await expect(page.getByText(`Batch ${code}-1 created with 3 runs. Saved on this station.`)).toBeVisible();
  for (const id of ['R-1001', 'R-1003', 'R-1004']) await expect(runRow(page, id)).toContainText(`Batch ${code}-1`);
  await expect(runRow(page, 'R-1002')).not.toContainText(`Batch ${code}`);
  await expect(toolbar).toBeHidden();
  await expect(waiting(page, 1)).toBeVisible();
  await expect(runRow(page, 'R-1001').getByRole('img', { name: 'Saved on this station, not yet synced' })).toBeVisible();
});

test('batches are created with the keyboard alone: the grid is one tab stop, arrows move, Space selects', async ({ page }) => {
  await start(page, 'sup');
  await showRuns(page, 'R-100');
  const grid = runsGrid(page);
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'runs-row-0');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  // Shift+arrow selects the range from the anchor (the run last picked with Space) to the active run.
  await expect(page.getByRole('toolbar', { name: 'Selected runs' })).toContainText('3 runs selected');
  await expect(runRow(page, 'R-1001')).toHaveAttribute('aria-selected', 'false');
  for (const id of ['R-1002', 'R-1003', 'R-1004']) await expect(runRow(page, id)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Selected runs' })).toBeHidden();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');

  // One Tab leaves the grid for the toolbar's Batch button.
  await page.keyboard.press('Tab');
  const batch = page.getByRole('button', { name: 'Batch', exact: true });
  await expect(batch).toBeFocused();
  await expect(batch).toHaveAttribute('aria-disabled', 'false');
  await page.keyboard.press('Enter');
  const code = await stationCode(page);
  await expect(runRow(page, 'R-1001')).toContainText(`Batch ${code}-1`);
  await expect(runRow(page, 'R-1002')).toContainText(`Batch ${code}-1`);

  // Enter opens the active run.
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/runs\/R-1001$/);
  await expect(page.getByRole('button', { name: new RegExp(`^Batch ${code}-1`) })).toBeVisible();
});

test('the Batch button says why a selection cannot be batched: no shared steps, another batch, no permission', async ({ page }) => {
  await start(page, 'sup');
  const search = page.getByRole('searchbox', { name: 'Search runs' });
  const check = async (runId: string) => {
    await search.fill(runId);
    await runRow(page, runId).getByRole('checkbox').click();
  };
  const toolbar = page.getByRole('toolbar', { name: 'Selected runs' });
  const batch = toolbar.getByRole('button', { name: 'Batch', exact: true });

  // A controller run and a harness run share no steps. The selection outlives the search.
  await check('R-1001');
  await expect(toolbar).toContainText('Select at least two runs to make a batch');
  await check('R-1018');
  await expect(toolbar).toContainText('Runs R-1001 and R-1018 share no steps: runs without sibling steps cannot be batched together');
  await expect(batch).toHaveAttribute('aria-disabled', 'true');
  // Pressing it anyway does nothing (Playwright itself treats aria-disabled as disabled, hence force).
  await batch.click({ force: true });
  await expect(page.getByText(/created with/)).toHaveCount(0);

  // A run already in another batch.
  await check('R-1018');
  await check('R-1005');
  await expect(toolbar).toContainText('Run R-1005 is already in Batch B-101: Line 2 morning');
  await expect(batch).toHaveAttribute('aria-disabled', 'true');

  // Select all matching, then clear.
  await search.fill('R-100');
  await toolbar.getByRole('button', { name: 'Select all 9 matching' }).click();
  await expect(toolbar).toContainText('9 runs selected');
  await toolbar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(toolbar).toBeHidden();

  // A technician lacks the permission.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Badge').fill('1001');
  await page.getByLabel('PIN').fill('1111');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await runRow(page, 'R-1001').getByRole('checkbox').click();
  await runRow(page, 'R-1002').getByRole('checkbox').click();
  await expect(toolbar).toContainText('Ana Ortiz does not have the UpdateRunBatch permission');
  await expect(batch).toHaveAttribute('aria-disabled', 'true');
});

test('a checkbox always shows whether its run is selected; a double click opens a run, a double tap on its checkbox does not', async ({ page }) => {
  await start(page, 'sup');
  await showRuns(page, 'R-100');
  const toolbar = page.getByRole('toolbar', { name: 'Selected runs' });
  const box = (id: string) => runRow(page, id).getByRole('checkbox', { name: `Select ${id}` });
  await box('R-1001').click();
  await box('R-1003').click({ modifiers: ['Shift'] });
  await expect(toolbar).toContainText('3 runs selected');
  // Shift on a box already inside the range adds nothing: each click turns the box off, and the
  // box must show the selection again, not the click (twice: the second changes nothing else).
  for (let i = 0; i < 2; i++) {
    await box('R-1002').click({ modifiers: ['Shift'] });
    await expect(toolbar).toContainText('3 runs selected');
    await expect(box('R-1002')).toBeChecked();
  }
  for (const id of ['R-1001', 'R-1002', 'R-1003']) await expect(box(id)).toBeChecked();
  await expect(box('R-1004')).not.toBeChecked();

  // Two quick taps on a box: selected, then not; the runs table stays.
  await box('R-1004').dblclick();
  await expect(box('R-1004')).not.toBeChecked();
  await expect(toolbar).toContainText('3 runs selected');
  await expect(runsGrid(page)).toBeVisible();

  await runRow(page, 'R-1005').getByRole('gridcell').nth(2).dblclick();
  await expect(page).toHaveURL(/#\/runs\/R-1005$/);

  // A search that matches nothing says so in the table.
  await page.goBack();
  await page.getByRole('searchbox', { name: /Search runs/ }).fill('no such run');
  await expect(runsGrid(page).getByRole('row')).toHaveCount(2);
  await expect(runsGrid(page)).toContainText('No runs match. Clear the search or filters to see more.');
});
