import { expect, test } from '@playwright/test';
import { chooseOption, runsGrid, signIn } from './helpers';

// The runs table at plant scale: 100,000 runs in the cache (?seedRuns=100000), only the visible
// window rendered, and End, sort, filter and search all answering. How fast they answer is
// measured by `npm run bench` (test/bench/runsTable.bench.ts), not asserted here.

test('the runs table stays quick with 100,000 runs in the cache', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?seedRuns=100000');
  await expect(page.getByLabel('Badge')).toBeVisible({ timeout: 150_000 });
  await expect(page).toHaveURL(/\/(#.*)?$/);
  await signIn(page, 'sup');
  const count = page.locator('.count');
  await expect(count).toHaveText('100,000 runs', { timeout: 5_000 });

  const grid = runsGrid(page);
  const rendered = await grid.getByRole('row').count();
  expect(rendered).toBeLessThan(40);

  await grid.focus();
  await test.step('End jumps to the last of 100,000 rows', async () => {
    await page.keyboard.press('End');
    await expect(grid).toHaveAttribute('aria-activedescendant', 'runs-row-99999');
    await expect(grid.locator('#runs-row-99999')).not.toContainText('…');
  });
  await page.keyboard.press('PageUp');
  await expect(grid).toHaveAttribute('aria-activedescendant', /runs-row-999[89]\d/);

  await test.step('rows reused by the scroll stand in the DOM out of order, and are read in order', async () => {
    await grid.evaluate(async (el) => {
      el.scrollTop -= 56 * 5;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    const body = grid.locator('.grid-body');
    const domOrder = await body.locator(':scope > [role="row"]').evaluateAll((rows) => rows.map((r) => r.id));
    const byIndex = [...domOrder].sort((a, b) => Number(a.slice(9)) - Number(b.slice(9)));
    // The rows that came into view took the keys (and DOM places) of those that left.
    expect(domOrder).not.toEqual(byIndex);
    // What assistive technology reads: the rowgroup's children in Chromium's accessibility tree.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const rowgroups = nodes.filter((n) => n.role?.value === 'rowgroup' && (n.childIds?.length ?? 0) > 2);
    expect(rowgroups).toHaveLength(1);
    const read: string[] = [];
    for (const childId of rowgroups[0]?.childIds ?? []) {
      const child = nodes.find((n) => n.nodeId === childId);
      if (child?.backendDOMNodeId === undefined) continue;
      const { node } = await cdp.send('DOM.describeNode', { backendNodeId: child.backendDOMNodeId });
      const attributes = node.attributes ?? [];
      read.push(attributes[attributes.indexOf('id') + 1] ?? '');
    }
    expect(read).toEqual(byIndex);
  });

  await test.step('while the grid scrolls the rows ignore a resting pointer, the wheel still scrolls, and a row takes a click once it stops', async () => {
    const body = grid.locator('.grid-body');
    const box = await grid.boundingBox();
    if (!box) throw new Error('the grid has no box');
    const at: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(...at);
    // The step before scrolled: its flag goes 150 ms after its last scroll event.
    await expect(body).not.toHaveAttribute('data-scrolling');
    const roleUnder = ([x, y]: [number, number]) => document.elementFromPoint(x, y)?.closest('[role="row"], [role="grid"]')?.getAttribute('role') ?? null;
    expect(await page.evaluate(roleUnder, at)).toBe('row');
    // A scroll's event comes before the next frame's callbacks: by then the rows ignore the pointer.
    // (Upwards: the grid is near its end since End.)
    const during = await grid.evaluate(async (el, [x, y]) => {
      el.scrollTop -= 56 * 20;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { flagged: el.querySelector('.grid-body')?.hasAttribute('data-scrolling'), under: document.elementFromPoint(x, y)?.closest('[role="row"], [role="grid"]')?.getAttribute('role') };
    }, at);
    expect(during).toEqual({ flagged: true, under: 'grid' });
    // The grid keeps the pointer, so the wheel goes on scrolling it.
    const before = await grid.evaluate((el) => el.scrollTop);
    await page.mouse.wheel(0, -56 * 20);
    await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeLessThan(before);
    // Once the scroll has stopped, the rows take the pointer again, and a click selects the row.
    await expect(body).not.toHaveAttribute('data-scrolling');
    expect(await page.evaluate(roleUnder, at)).toBe('row');
    await page.mouse.click(...at);
    await expect(body.locator('[role="row"][aria-selected="true"]')).toHaveCount(1);
  });

  await test.step('sort by status', async () => {
    await chooseOption(page, 'Sort by', 'Status');
    await expect(grid.getByRole('columnheader', { name: /Status/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(grid.locator('#runs-row-0')).toContainText('Complete', { timeout: 10_000 });
  });
  await test.step('filter to in progress', async () => {
    await chooseOption(page, 'Status', 'In progress');
    await page.keyboard.press('Escape');
    await expect(count).not.toHaveText('100,000 runs');
  });
  await test.step('search by title', async () => {
    await page.getByRole('searchbox', { name: 'Search runs' }).fill('kanban 8001');
    await expect(count).toHaveText(/^\d+ runs?$/);
    await expect(grid.locator('#runs-row-0')).toContainText('kanban 8001');
  });
  expect(await grid.getByRole('row').count()).toBeLessThan(40);
});
