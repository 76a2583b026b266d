import { expect, test, type Page } from '@playwright/test';
import { openBatchManager, openRun, pickStep, start, stepDetail, stepState, waiting } from './helpers';

// Spec "Batch propagation": sign-offs, state changes and redlines reach the sibling steps of the
// batch; the dialog says beforehand what will happen and which siblings are left out and why;
// afterwards each affected step shows where the change came from.

async function action(page: Page, name: string): Promise<void> {
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name, exact: true }).click();
}

test('the e-signature dialog: signer, meaning, PIN; "Also applies to N runs in batch" with the runs left out and why; afterwards name, time, meaning and provenance', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  await pickStep(page, 'Place components');
  await action(page, 'Sign off');

  const dialog = page.getByRole('dialog', { name: 'Sign off step 2.2 "Place components"' });
  await expect(dialog.getByText('Chen Wei')).toBeVisible();
  await expect(dialog.getByRole('radiogroup', { name: 'Meaning of this signature' })).toBeVisible();
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await expect(dialog.getByText('R-1006, R-1007, R-1008')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'R-1009' })).toHaveText('R-1009: Install 1 more of MCU-STM32G4 first');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'R-1010' })).toHaveText('R-1010: Cannot sign off step 2.2 "Place components": it is on hold');

  // A wrong PIN signs nothing.
  await dialog.getByText('Verified', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: /Verified/ })).toBeChecked();
  await dialog.getByLabel('PIN').fill('0000');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right. Nothing was signed.');
  await expect(waiting(page, 0)).toBeVisible();

  await dialog.getByLabel('PIN').fill('4444');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stepState(page)).toHaveText(/Complete/);
  await expect(stepDetail(page).getByText(/^✍ Signed by Chen Wei · Verified · \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}$/)).toBeVisible();
  await expect(stepDetail(page).getByText('Saved on this station')).toBeVisible();
  await expect(page.getByText(/Step 2.2 "Place components" signed off. Saved on this station. Also applied to 3 runs in batch. 2 runs left out:/)).toBeVisible();
  await expect(waiting(page, 1)).toBeVisible();

  // A sibling shows its own signature, and where it came from.
  await openRun(page, 'R-1007');
  await pickStep(page, 'Place components');
  await expect(stepState(page)).toHaveText(/Complete/);
  await expect(stepDetail(page).getByText(/^✍ Signed by Chen Wei · Verified/)).toBeVisible();
  await expect(stepDetail(page).getByText('Applied through Batch B-101 from run R-1005, step 2.2').first()).toBeVisible();

  // A sibling left out is unchanged.
  await openRun(page, 'R-1009');
  await pickStep(page, 'Place components');
  await expect(stepState(page)).toHaveText(/To do/);
});

test('state changes propagate: start, fail and reopen (with reasons) reach every sibling, each showing where it came from', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1011');
  await pickStep(page, 'Cut and strip wires');

  // In a batch even Start asks first, saying what it will do.
  await action(page, 'Start');
  let dialog = page.getByRole('dialog', { name: 'Start step 1 "Cut and strip wires"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(stepState(page)).toHaveText(/In progress/);

  await action(page, 'Fail');
  dialog = page.getByRole('dialog', { name: 'Fail step 1 "Cut and strip wires"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fail step' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give a reason: it goes into the audit trail');
  await dialog.getByLabel('Reason (required)').fill('Cutter blade chipped: lengths off');
  await dialog.getByRole('button', { name: 'Fail step' }).click();
  await expect(stepState(page)).toHaveText(/Failed/);
  await expect(stepDetail(page).getByText('Cutter blade chipped: lengths off')).toBeVisible();

  await openRun(page, 'R-1013');
  await pickStep(page, 'Cut and strip wires');
  await expect(stepState(page)).toHaveText(/Failed/);
  await expect(stepDetail(page).getByText(/Applied through Batch B-102 from run R-1011, step 1/)).toBeVisible();

  // Reopened from a sibling, it propagates back.
  await action(page, 'Reopen');
  dialog = page.getByRole('dialog', { name: 'Reopen step 1 "Cut and strip wires"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByLabel('Reason (required)').fill('Blade replaced, recut');
  await dialog.getByRole('button', { name: 'Reopen step' }).click();
  await expect(stepState(page)).toHaveText(/To do/);
  await openRun(page, 'R-1011');
  await pickStep(page, 'Cut and strip wires');
  await expect(stepState(page)).toHaveText(/To do/);
  await expect(stepDetail(page).getByText(/Applied through Batch B-102 from run R-1013, step 1/)).toBeVisible();

  // Skip propagates too.
  await action(page, 'Skip');
  dialog = page.getByRole('dialog', { name: 'Skip step 1 "Cut and strip wires"' });
  await dialog.getByLabel('Reason (required)').fill('Pre-cut wires from supplier');
  await dialog.getByRole('button', { name: 'Skip step' }).click();
  await expect(stepState(page)).toHaveText(/Skipped/);
  await openRun(page, 'R-1014');
  await pickStep(page, 'Cut and strip wires');
  await expect(stepState(page)).toHaveText(/Skipped/);
  await expect(waiting(page, 4)).toBeVisible();
});

test('redlines: an engineer opens, edits and cancels one across the batch; a step redlined alone has no siblings and changes only its run', async ({ page }) => {
  await start(page, 'eng');
  await openRun(page, 'R-1011');
  await pickStep(page, 'Crimp terminals');
  await action(page, 'Redline');
  let dialog = page.getByRole('dialog', { name: 'Redline step 2 "Crimp terminals"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByLabel('Reason (required)').fill('New applicator AP-4');
  await dialog.getByRole('button', { name: 'Open redline' }).click();
  await expect(stepState(page)).toHaveText(/Redline/);

  await stepDetail(page).getByRole('textbox', { name: 'Instructions' }).fill('Crimp with applicator AP-4.');
  await stepDetail(page).getByRole('button', { name: 'Save redline changes' }).click();
  dialog = page.getByRole('dialog', { name: 'Save the redline of step 2 "Crimp terminals"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await openRun(page, 'R-1012');
  await pickStep(page, 'Crimp terminals');
  await expect(stepState(page)).toHaveText(/Redline/);
  await expect(stepDetail(page).getByRole('textbox', { name: 'Instructions' })).toHaveValue('Crimp with applicator AP-4.');
  await stepDetail(page).getByRole('button', { name: 'Cancel redline' }).click();
  dialog = page.getByRole('dialog', { name: 'Cancel the redline of step 2 "Crimp terminals"' });
  await expect(dialog.getByText('Also applies to 3 runs in batch')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel redline' }).click();
  await expect(stepState(page)).toHaveText(/To do/);
  await expect(stepDetail(page).getByText('Crimp with applicator AP-3. Pull-test one terminal per harness.')).toBeVisible();

  // Out of the batch, R-1014 redlines step 1 alone: finishing forks it from its former siblings.
  await openRun(page, 'R-1014');
  let manager = await openBatchManager(page, /^Batch B-102/);
  await manager.getByRole('button', { name: /^R-1014 / }).click();
  await manager.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(manager.getByText('This run is no longer in a batch.')).toBeVisible();
  await manager.getByRole('button', { name: 'Close' }).click();
  await pickStep(page, 'Cut and strip wires');
  await action(page, 'Redline');
  dialog = page.getByRole('dialog', { name: 'Redline step 1 "Cut and strip wires"' });
  await dialog.getByLabel('Reason (required)').fill('Longer leads for this customer');
  await dialog.getByRole('button', { name: 'Open redline' }).click();
  await stepDetail(page).getByRole('textbox', { name: 'Step title' }).fill('Cut and strip long wires');
  await stepDetail(page).getByRole('button', { name: 'Save redline changes' }).click();
  await expect(stepDetail(page).getByRole('button', { name: 'Finish redline' })).toBeEnabled();
  await stepDetail(page).getByRole('button', { name: 'Finish redline' }).click();
  await expect(stepState(page)).toHaveText(/To do/);
  await expect(page.getByRole('heading', { level: 3, name: /Cut and strip long wires/ })).toBeVisible();

  // Back in the batch, its step 1 has no sibling: a change to it stays on this run.
  await openRun(page, 'R-1011');
  manager = await openBatchManager(page, /^Batch B-102/);
  await manager.getByRole('button', { name: 'Add a run to the batch' }).click();
  const picker = page.getByRole('dialog', { name: 'Add a run to the batch' });
  await picker.getByRole('searchbox', { name: 'Search runs by ID or title' }).fill('R-1014');
  await picker.getByRole('option', { name: /^R-1014 / }).click();
  await picker.getByRole('button', { name: 'Add 1 to batch' }).click();
  await manager.getByRole('button', { name: 'Close' }).click();
  await openRun(page, 'R-1014');
  await pickStep(page, 'Cut and strip long wires');
  await action(page, 'Start');
  dialog = page.getByRole('dialog', { name: 'Start step 1 "Cut and strip long wires"' });
  await expect(dialog.getByText('Applies to this run only')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'R-1011' })).toHaveText('R-1011: No sibling of step 1 "Cut and strip long wires" in run R-1011');
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(stepState(page)).toHaveText(/In progress/);
  await openRun(page, 'R-1011');
  await pickStep(page, 'Cut and strip wires');
  await expect(stepState(page)).toHaveText(/To do/);
});
