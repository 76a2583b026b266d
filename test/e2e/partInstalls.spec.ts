import { expect, test, type Page } from '@playwright/test';
import { chooseOption, openRun, start, waiting } from './helpers';

// Spec "Cascade an aBOM install across the batch", and serial/lot installs by typing or scanning.

async function openParts(page: Page, runId: string): Promise<void> {
  await openRun(page, runId);
  await page.getByRole('tab', { name: 'Part Installs (aBOM)' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Part Installs (aBOM)' })).toBeVisible();
}

async function addRequirement(page: Page, step: string, part: string, quantity: string, tracking: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a build requirement' });
  await chooseOption(page, 'Step', step);
  await form.getByRole('textbox', { name: 'Part number' }).fill(part);
  await form.getByRole('textbox', { name: 'Quantity' }).fill(quantity);
  await chooseOption(page, 'Tracking', tracking);
  await form.getByRole('button', { name: 'Add part' }).click();
}

test('adding a build requirement to a batched run shows "Added {part} to this run only." with Apply to N runs in batch', async ({ page }) => {
  await start(page, 'tech');
  await openParts(page, 'R-1005');
  await addRequirement(page, '2.3 Reflow', 'LBL-ESD-01', '1', 'Not tracked');

  const bar = page.locator('.added-part-bar');
  await expect(bar.getByText('Added LBL-ESD-01 to this run only.')).toBeVisible();
  const apply = bar.getByRole('button', { name: 'Apply to 5 runs in batch' });
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(bar).toBeHidden();
  await expect(page.getByText(/LBL-ESD-01 applied to the batch. Saved on this station. Also applied to 5 runs in batch./)).toBeVisible();
  await expect(waiting(page, 2)).toBeVisible();

  await openParts(page, 'R-1008');
  const line = page.locator('.requirement').filter({ hasText: 'LBL-ESD-01' });
  await expect(line).toContainText('copied through the batch');
  await expect(line).toContainText('0 of 1 installed');
});

test('Dismiss keeps the part on this run only', async ({ page }) => {
  await start(page, 'tech');
  await openParts(page, 'R-1005');
  await addRequirement(page, '2.3 Reflow', 'TAPE-KAPTON-10', '2', 'Lot number');
  const bar = page.locator('.added-part-bar');
  await expect(bar.getByText('Added TAPE-KAPTON-10 to this run only.')).toBeVisible();
  await bar.getByRole('button', { name: 'Dismiss' }).click();
  await expect(bar).toBeHidden();
  await expect(page.locator('.requirement').filter({ hasText: 'TAPE-KAPTON-10' })).toContainText('0 of 2 installed');

  await openParts(page, 'R-1006');
  await expect(page.locator('.requirement').filter({ hasText: 'TAPE-KAPTON-10' })).toHaveCount(0);
  await expect(waiting(page, 1)).toBeVisible();
});

test('serial and lot installs by scanning: the scanner types and presses Enter; a serial scanned twice is refused and changes nothing', async ({ page }) => {
  await start(page, 'tech');
  await openParts(page, 'R-1009');
  const mcu = page.locator('.requirement').filter({ hasText: 'MCU-STM32G4' });
  await expect(mcu).toContainText('0 of 1 installed');
  await mcu.getByLabel('Serial for MCU-STM32G4').click();
  await page.keyboard.type('MCU-SN-004417');
  await page.keyboard.press('Enter');
  await expect(mcu).toContainText('1 of 1 installed');
  await expect(mcu).toContainText('Serial MCU-SN-004417');

  const caps = page.locator('.requirement').filter({ hasText: 'CAP-0603-100N' });
  await caps.getByLabel('Lot for CAP-0603-100N').click();
  await page.keyboard.type('LOT-24777');
  await page.keyboard.press('Enter');
  await expect(caps).toContainText('24 of 24 installed');
  await expect(caps).toContainText('Lot LOT-24777 × 24');

  // A serial-tracked line of two on a run in no batch: no cascade bar, and duplicates are refused.
  await openParts(page, 'R-1001');
  await addRequirement(page, '1.1 Verify kit against the pick list', 'FUSE-5A', '2', 'Serial number');
  await expect(page.locator('.added-part-bar')).toHaveCount(0);
  const fuse = page.locator('.requirement').filter({ hasText: 'FUSE-5A' });
  const input = fuse.getByLabel('Serial for FUSE-5A');
  await input.click();
  await page.keyboard.type('F-1');
  await page.keyboard.press('Enter');
  await expect(fuse).toContainText('1 of 2 installed');
  await expect(input).toBeFocused();
  await page.keyboard.type('F-1');
  await page.keyboard.press('Enter');
  await expect(fuse.getByRole('alert')).toHaveText('Serial F-1 is already installed here');
  await expect(fuse).toContainText('1 of 2 installed');
  await expect(waiting(page, 4)).toBeVisible();
});
