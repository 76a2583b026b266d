import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseOption, openBatchManager, openRun, pickStep, runRow, showRuns, start } from './helpers';

// Axe (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA, target-size included) on the runs table, the run view
// and the batch manager; and the screenshot set of the main screens, in .artifacts/screenshots/.

const shots = '.artifacts/screenshots';

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png` });
}

test.use({ viewport: { width: 1440, height: 900 } });

test('the runs table, with the selection toolbar, has no WCAG 2.2 AA violations', async ({ page }) => {
  await start(page, 'sup');
  await expectNoViolations(page);
  await showRuns(page, 'R-100');
  await runRow(page, 'R-1001').getByRole('checkbox').click();
  await runRow(page, 'R-1003').getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selected runs' })).toContainText('3 runs selected');
  await expect(page.getByRole('button', { name: 'Batch', exact: true })).toHaveAttribute('aria-disabled', 'false');
  await expectNoViolations(page);
  await page.getByRole('searchbox', { name: 'Search runs' }).fill('');
  await chooseOption(page, 'Sort by', 'Updated');
  await shoot(page, '1-runs-table-selection-toolbar');
});

test('the run view with its batch pill, and the e-signature dialog, have no violations', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  await pickStep(page, 'Place components');
  await expect(page.getByRole('button', { name: /^Batch B-101: Line 2 morning/ })).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, '2-run-view-batch-pill');
  await page.getByRole('group', { name: 'Step actions' }).getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('dialog').getByText('Also applies to 3 runs in batch')).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, '3-e-signature-dialog');
});

test('the batch manager and its run picker have no violations', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  const dialog = await openBatchManager(page, /^Batch B-101/);
  await dialog.getByRole('button', { name: /^R-1006 / }).click();
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toBeVisible();
  await expectNoViolations(page);
  await shoot(page, '4-batch-manager');
  await dialog.getByRole('button', { name: 'Add a run to the batch' }).click();
  const picker = page.getByRole('dialog', { name: 'Add a run to the batch' });
  await picker.getByRole('option').first().click();
  await expect(picker.getByRole('button', { name: 'Add 1 to batch' })).toBeEnabled();
  await expectNoViolations(page);
  await shoot(page, '5-batch-manager-add-runs');
});

test('the Part Installs (aBOM) tool with its "Added … to this run only." bar has no violations', async ({ page }) => {
  await start(page, 'tech');
  await openRun(page, 'R-1009');
  await page.getByRole('tab', { name: 'Part Installs (aBOM)' }).click();
  await chooseOption(page, 'Step', '2.3 Reflow');
  await page.getByRole('textbox', { name: 'Part number' }).fill('LBL-ESD-01');
  await page.getByRole('button', { name: 'Add part' }).click();
  await expect(page.getByText('Added LBL-ESD-01 to this run only.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Apply to \d runs in batch$/ })).toBeEnabled();
  await expectNoViolations(page);
  await shoot(page, '6-abom-added-part-bar');
});

test('the run view\'s tabs: the arrow keys, Home and End move between them, and the tab key goes on into the panel', async ({ page }) => {
  await start(page, 'tech');
  await openRun(page, 'R-1009');
  const tabs = page.getByRole('tablist', { name: 'Run views' });
  const steps = tabs.getByRole('tab', { name: 'Steps' });
  const parts = tabs.getByRole('tab', { name: 'Part Installs (aBOM)' });
  await expect(steps).toHaveAttribute('aria-selected', 'true');
  await expect(parts).toHaveAttribute('aria-selected', 'false');
  await steps.focus();
  await page.keyboard.press('ArrowRight');
  await expect(parts).toBeFocused();
  await expect(parts).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Part Installs (aBOM)' })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toHaveCount(1);
  // From the last tab, on to the first.
  await page.keyboard.press('ArrowRight');
  await expect(steps).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Steps' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(parts).toBeFocused();
  await page.keyboard.press('Home');
  await expect(steps).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(parts).toBeFocused();
  // The parts panel begins with a heading: the panel itself is the next stop.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tabpanel', { name: 'Part Installs (aBOM)' })).toBeFocused();
  // The steps panel begins with its steps: the tab key goes on to the first one.
  await steps.click();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Steps' }).getByRole('button').first()).toBeFocused();
  await expectNoViolations(page);
});
