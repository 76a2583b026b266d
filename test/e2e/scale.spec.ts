import { expect, test } from '@playwright/test';
import { chooseOption, runsGrid, signIn } from './helpers';

// The runs table at plant scale: 100,000 runs in the cache (?seedRuns=100000), only the visible
// window read, every sort, filter and search answered from the indexes in well under a second or
// two on a 2-core machine.

test('the runs table stays quick with 100,000 runs in the cache', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?seedRuns=100000');
  await expect(page.getByLabel('Badge')).toBeVisible({ timeout: 150_000 });
  await expect(page).toHaveURL(/\/(#.*)?$/);
  await signIn(page, 'sup');
  const count = page.locator('.count');
  await expect(count).toHaveText('100,000 runs', { timeout: 5_000 });

  const timed = async (what: () => Promise<void>) => {
    const started = Date.now();
    await what();
    return Date.now() - started;
  };
  const grid = runsGrid(page);
  const rendered = await grid.getByRole('row').count();
  expect(rendered).toBeLessThan(40);

  await grid.focus();
  const toEnd = await timed(async () => {
    await page.keyboard.press('End');
    await expect(grid).toHaveAttribute('aria-activedescendant', 'runs-row-99999');
    await expect(grid.locator('#runs-row-99999')).not.toContainText('…');
  });
  await page.keyboard.press('PageUp');
  await expect(grid).toHaveAttribute('aria-activedescendant', /runs-row-999[89]\d/);

  const bySort = await timed(async () => {
    await chooseOption(page, 'Sort by', 'Status');
    await expect(grid.getByRole('columnheader', { name: /Status/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.locator('#runs-row-0')).toContainText('Complete', { timeout: 10_000 });
  });
  const byFilter = await timed(async () => {
    await chooseOption(page, 'Status', 'In progress');
    await page.keyboard.press('Escape');
    await expect(count).not.toHaveText('100,000 runs');
  });
  const bySearch = await timed(async () => {
    await page.getByRole('searchbox', { name: 'Search runs' }).fill('kanban 8001');
    await expect(count).toHaveText(/^\d+ runs?$/);
    await expect(grid.locator('#runs-row-0')).toContainText('kanban 8001');
  });
  console.log(`100,000 runs: End ${String(toEnd)} ms, sort ${String(bySort)} ms, filter ${String(byFilter)} ms, search ${String(bySearch)} ms`);
  expect(toEnd).toBeLessThan(3_000);
  expect(bySort).toBeLessThan(5_000);
  expect(byFilter).toBeLessThan(5_000);
  expect(bySearch).toBeLessThan(8_000);
  expect(await grid.getByRole('row').count()).toBeLessThan(40);
});
