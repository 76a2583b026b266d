import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBatchManager, openRun, pickStep, stepDetail, stepState, waiting } from './helpers';
import { newStation, outboxCount, ServerApi, stepOf, stepTitle, synced } from './syncHelpers';

// Two stations (two browser contexts, each its own storage) against the real central server
// (the "sync" project in playwright.config.ts). Tests in this file run one after another on one
// server; each takes runs no other test touches.

let api: ServerApi;
// Enrolling a station pulls the whole demo feed (about 8 s each).
test.setTimeout(60_000);
test.beforeAll(async () => {
  api = await ServerApi.enrol('e2e setup');
});

async function action(page: Page, name: string): Promise<void> {
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name, exact: true }).click();
}

/** Answers the step's yes/no field (one enterFields operation) and signs the step off. */
async function signOff(page: Page, pin = '1111'): Promise<void> {
  await stepDetail(page).getByText('Yes', { exact: true }).click();
  await action(page, 'Sign off');
  const dialog = page.getByRole('dialog', { name: `Sign off step 1.1 "${stepTitle}"` });
  await dialog.getByLabel('PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a step signed off on one station reaches every run of its batch on the other, without a reload', async ({ browser }) => {
  const runs = await api.freshRuns(3);
  await api.startParents(runs);
  await api.batch(runs, 'e2e sibling sign-off');
  const a = await newStation(browser, 'Line 1 A');
  const b = await newStation(browser, 'Line 1 B');
  const [first, ...siblings] = runs as [string, ...string[]];
  for (const sibling of siblings) {
    await openRun(b.page, sibling);
    await pickStep(b.page, stepTitle);
    await expect(stepState(b.page)).toHaveText(/To do/);
  }

  await openRun(a.page, first);
  await pickStep(a.page, stepTitle);
  await signOff(a.page);
  await expect(stepState(a.page)).toHaveText(/Complete/);
  await synced(a.page);

  // B is still on the last sibling it opened: the change arrives through the event stream.
  await expect(stepState(b.page)).toHaveText(/Complete/, { timeout: 15_000 });
  for (const sibling of siblings) {
    await b.page.getByRole('link', { name: '← Runs' }).click();
    await openRunInApp(b.page, sibling);
    await pickStep(b.page, stepTitle);
    await expect(stepState(b.page)).toHaveText(/Complete/);
  }
  for (const runId of runs) {
    const step = (await api.run(runId)).steps.find((s) => s.id === stepOf(runId));
    expect(step?.state).toBe('complete');
  }
  await a.context.close();
  await b.context.close();
});

/** The state of the tests' step of a run, as the server holds it. */
async function stepOnServer(runId: string): Promise<string | undefined> {
  return (await api.run(runId)).steps.find((s) => s.id === stepOf(runId))?.state;
}

/** Opens a run by changing the hash only, so the page (and its worker) is not reloaded. */
async function openRunInApp(page: Page, runId: string): Promise<void> {
  await page.evaluate((id) => {
    location.hash = `#/runs/${id}`;
  }, runId);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${runId}`) })).toBeVisible();
}

/** The header's notice of work the server did not take as sent, and its panel. */
function attention(page: Page, n: number): Locator {
  return page.getByRole('banner').getByRole('button', { name: `${String(n)} ${n === 1 ? 'needs' : 'need'} attention` });
}

async function openAttentionPanel(page: Page, n: number): Promise<Locator> {
  await attention(page, n).click();
  const panel = page.getByRole('dialog', { name: 'Work the server did not accept as sent' });
  await expect(panel).toBeVisible();
  return panel;
}

test('offline, one station signs off a step the other fails: both converge on the server\'s state, the fail needs attention with both sides', async ({ browser }) => {
  const [runId] = (await api.freshRuns(1)) as [string];
  await api.startParents([runId]);
  const a = await newStation(browser, 'Line 2 A', 'tech');
  const b = await newStation(browser, 'Line 2 B', 'sup');
  // B starts the step while online, so both stations see it in progress before the network goes.
  await openRun(b.page, runId);
  await pickStep(b.page, stepTitle);
  await action(b.page, 'Start');
  await expect(stepState(b.page)).toHaveText(/In progress/);
  await expect.poll(() => stepOnServer(runId)).toBe('in_progress');
  await openRun(a.page, runId);
  await pickStep(a.page, stepTitle);
  await expect(stepState(a.page)).toHaveText(/In progress/, { timeout: 15_000 });

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await signOff(a.page);
  await expect(stepState(a.page)).toHaveText(/Complete/);
  await action(b.page, 'Fail');
  const dialog = b.page.getByRole('dialog', { name: `Fail step 1.1 "${stepTitle}"` });
  await dialog.getByLabel('Reason (required)').fill('Pick list does not match the kit');
  await dialog.getByRole('button', { name: 'Fail step' }).click();
  await expect(stepState(b.page)).toHaveText(/Failed/);
  await expect(waiting(a.page, 2)).toBeVisible();
  await expect(waiting(b.page, 1)).toBeVisible();

  // A reaches the server first; B's fail then arrives against a step completed meanwhile.
  await a.context.setOffline(false);
  await synced(a.page);
  await b.context.setOffline(false);
  await synced(b.page);
  await expect(stepState(b.page)).toHaveText(/Complete/);
  await expect(stepState(a.page)).toHaveText(/Complete/);
  expect(await stepOnServer(runId)).toBe('complete');

  const panel = await openAttentionPanel(b.page, 1);
  const item = panel.getByRole('listitem').filter({ hasText: `Fail step · ${runId}` });
  await expect(item).toContainText(`step “${stepTitle}”`);
  await expect(item).toContainText('By Chen Wei');
  await expect(item).toContainText('Reason given: Pick list does not match the kit');
  await expect(item).toContainText('Not applied: a supervisor reviews it');
  await expect(item).toContainText('Server’s side: Complete by Ana Ortiz');
  await b.page.screenshot({ path: '.artifacts/screenshots/sync-attention-panel.png' });
  const axe = await new AxeBuilder({ page: b.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await item.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(panel.getByText('Nothing needs attention.')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(attention(b.page, 1)).toHaveCount(0);
  // A's work went through untouched: nothing for A to look at.
  await expect(a.page.getByRole('banner').getByRole('button', { name: /attention/ })).toHaveCount(0);
  expect(await outboxCount(a.page)).toBe(0);
  expect(await outboxCount(b.page)).toBe(0);
  await a.context.close();
  await b.context.close();
});

test('a run removed from the batch while a station is offline is left untouched by its sign-off and listed for review', async ({ browser }) => {
  const runs = await api.freshRuns(3);
  await api.startParents(runs);
  const batchId = await api.batch(runs, 'e2e removal');
  const [first, kept, removed] = runs as [string, string, string];
  const a = await newStation(browser, 'Line 3 A', 'tech');
  const sup = await newStation(browser, 'Line 3 supervisor', 'sup');
  await openRun(a.page, first);
  await pickStep(a.page, stepTitle);
  await a.context.setOffline(true);

  // The supervisor takes a run out of the batch through the batch manager while A is offline.
  await openRun(sup.page, first);
  const manager = await openBatchManager(sup.page, /^Batch .*e2e removal/);
  const card = manager.locator('.run-card').filter({ has: sup.page.getByRole('button', { name: new RegExp(`^${removed} `) }) });
  await card.getByRole('button', { name: new RegExp(`^${removed} `) }).click();
  await card.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(manager.getByText('2 runs in this batch')).toBeVisible();
  await synced(sup.page);
  expect((await api.batchOf(batchId)).members.map((m) => m.id).sort()).toEqual([first, kept].sort());

  // A still sees three runs and signs off for all of them.
  await signOff(a.page);
  await expect(stepState(a.page)).toHaveText(/Complete/);
  await a.context.setOffline(false);
  await synced(a.page);

  expect(await stepOnServer(first)).toBe('complete');
  expect(await stepOnServer(kept)).toBe('complete');
  // Untouched: still to do, as before the supervisor took it out.
  expect(await stepOnServer(removed)).toBe('todo');

  const panel = await openAttentionPanel(a.page, 1);
  const item = panel.getByRole('listitem').filter({ hasText: `Sign off · ${first}` });
  await expect(item).toContainText('Applied, but runs were left out for review');
  await expect(item).toContainText(`${removed}:`);
  await expect(item).toContainText('(a supervisor decides)');
  await panel.getByRole('button', { name: 'Close' }).click();

  // The server's review queue, as the supervisor reads it, holds A's sign-off with the run left out.
  const review = await api.review();
  const held = review.filter((r) => r.review.operation.kind === 'signOff' && 'runId' in r.review.operation && r.review.operation.runId === first);
  expect(held).toHaveLength(1);
  expect(held[0]?.review).toMatchObject({ kind: 'left_out', runId: removed, resolution: null });
  await a.context.close();
  await sup.context.close();
});

test('a station reloaded while it pushes applies every operation exactly once', async ({ browser }) => {
  const [runId] = (await api.freshRuns(1)) as [string];
  await api.startParents([runId]);
  const a = await newStation(browser, 'Line 4 A', 'tech');
  const b = await newStation(browser, 'Line 4 B', 'sup');
  await openRun(a.page, runId);
  await pickStep(a.page, stepTitle);
  await action(a.page, 'Start');
  await expect.poll(() => stepOnServer(runId)).toBe('in_progress');
  await synced(a.page);
  const before = (await api.run(runId)).steps.find((s) => s.id === stepOf(runId))?.version ?? 0;

  // Thirty answers to the step's yes/no field, each one operation, queued offline.
  await a.context.setOffline(true);
  const field = stepDetail(a.page);
  for (let i = 0; i < 30; i += 1) {
    await field.getByText(i % 2 === 0 ? 'No' : 'Yes', { exact: true }).click();
    await expect(waiting(a.page, i + 1)).toBeVisible();
  }
  await a.context.setOffline(false);
  await a.page.reload();
  await synced(a.page);
  await expect.poll(() => outboxCount(a.page), { timeout: 15_000 }).toBe(0);
  await expect(waiting(a.page, 0)).toBeVisible();

  const step = (await api.run(runId)).steps.find((s) => s.id === stepOf(runId));
  expect(step?.version).toBe(before + 30);
  expect(Object.values(step?.fieldValues ?? {})).toContain(true);
  // The other station sees the same: the last answer was "Yes".
  await openRun(b.page, runId);
  await pickStep(b.page, stepTitle);
  await expect(stepDetail(b.page).getByRole('radio', { name: 'Yes' })).toBeChecked();
  await a.context.close();
  await b.context.close();
});

test('offline, two stations sign off the same step on sibling runs: both converge on complete, nothing waits', async ({ browser }) => {
  const runs = await api.freshRuns(2);
  await api.startParents(runs);
  await api.batch(runs, 'e2e offline siblings');
  const [x, y] = runs as [string, string];
  const a = await newStation(browser, 'Line 5 A', 'tech');
  const b = await newStation(browser, 'Line 5 B', 'sup');
  await openRun(a.page, x);
  await pickStep(a.page, stepTitle);
  await openRun(b.page, y);
  await pickStep(b.page, stepTitle);

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await signOff(a.page);
  await signOff(b.page, '4444');
  await expect(stepState(a.page)).toHaveText(/Complete/);
  await expect(stepState(b.page)).toHaveText(/Complete/);

  await a.context.setOffline(false);
  await synced(a.page);
  await b.context.setOffline(false);
  await synced(b.page);
  expect(await stepOnServer(x)).toBe('complete');
  expect(await stepOnServer(y)).toBe('complete');
  // Each station shows the other run complete too, from the server's feed.
  for (const [page, other] of [[a.page, y], [b.page, x]] as const) {
    await openRunInApp(page, other);
    await pickStep(page, stepTitle);
    await expect(stepState(page)).toHaveText(/Complete/);
    await expect.poll(() => outboxCount(page)).toBe(0);
  }
  await a.context.close();
  await b.context.close();
});

test('offline, two stations open a redline on the same step: the first stands, the second needs attention with the server’s side', async ({ browser }) => {
  const [runId] = (await api.freshRuns(1)) as [string];
  await api.startParents([runId]);
  const a = await newStation(browser, 'Line 6 A', 'eng');
  const b = await newStation(browser, 'Line 6 B', 'eng');
  for (const page of [a.page, b.page]) {
    await openRun(page, runId);
    await pickStep(page, stepTitle);
  }
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  for (const [page, reason] of [[a.page, 'Pick list revision C'], [b.page, 'Kit now ships with a checklist']] as const) {
    await action(page, 'Redline');
    const dialog = page.getByRole('dialog', { name: `Redline step 1.1 "${stepTitle}"` });
    await dialog.getByLabel('Reason (required)').fill(reason);
    await dialog.getByRole('button', { name: 'Open redline' }).click();
    await expect(stepState(page)).toHaveText(/Redline/);
  }

  await a.context.setOffline(false);
  await synced(a.page);
  await b.context.setOffline(false);
  await synced(b.page);
  expect(await stepOnServer(runId)).toBe('redline');
  const redline = (await api.run(runId)).steps.find((s) => s.id === stepOf(runId))?.redline;
  expect(redline?.reason).toBe('Pick list revision C');
  await expect(stepState(b.page)).toHaveText(/Redline/);

  const panel = await openAttentionPanel(b.page, 1);
  const item = panel.getByRole('listitem').filter({ hasText: `Open redline · ${runId}` });
  await expect(item).toContainText('Reason given: Kit now ships with a checklist');
  await expect(item).toContainText('Not applied: a supervisor reviews it');
  await expect(item).toContainText('Server’s side: Redline by Dana Levi');
  await panel.getByRole('button', { name: 'Close' }).click();
  expect(await outboxCount(a.page)).toBe(0);
  expect(await outboxCount(b.page)).toBe(0);
  await a.context.close();
  await b.context.close();
});
