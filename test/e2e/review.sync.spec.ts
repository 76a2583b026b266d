import { expect, test, type Page } from '@playwright/test';
import { openRun, pickStep, signIn, stepDetail, stepState, waiting } from './helpers';
import { newStation, ServerApi, stepTitle, synced, userIds } from './syncHelpers';

// Issue 6 against the real central server: a review item made by two offline stations, decided by
// a supervisor in the review queue, reaches both stations; the server's /v1/review refuses a
// technician and lists the item for a supervisor.

let api: ServerApi;
// Enrolling a station pulls the whole demo feed (about 8 s each).
test.setTimeout(120_000);
test.beforeAll(async () => {
  api = await ServerApi.enrol('e2e review setup');
});

async function action(page: Page, name: string): Promise<void> {
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name, exact: true }).click();
}

/** The queue's card for the run's item, on a supervisor's station. */
function card(page: Page, runId: string) {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${runId}, step 1\\.1 `) }) });
}

async function openQueue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Supervisor' }).getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Review queue' })).toBeVisible();
}

test('a review item made by two offline stations is decided in the queue, and the decision reaches both stations', async ({ browser }) => {
  const [runId] = (await api.freshRuns(1)) as [string];
  await api.startParents([runId]);
  const a = await newStation(browser, 'Review A', 'tech');
  const b = await newStation(browser, 'Review B', 'sup');
  for (const { page } of [a, b]) {
    await openRun(page, runId);
    await pickStep(page, stepTitle);
  }
  // B starts the step while online (a step to do cannot fail), so both see it in progress.
  await action(b.page, 'Start');
  await expect(stepState(b.page)).toHaveText(/In progress/);
  await expect(stepState(a.page)).toHaveText(/In progress/, { timeout: 15_000 });
  await synced(b.page);

  // Offline, A signs the step off while B fails it.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await stepDetail(a.page).getByText('Yes', { exact: true }).click();
  await action(a.page, 'Sign off');
  const sign = a.page.getByRole('dialog', { name: `Sign off step 1.1 "${stepTitle}"` });
  await sign.getByLabel('PIN').fill('1111');
  await sign.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(stepState(a.page)).toHaveText(/Complete/);
  await action(b.page, 'Fail');
  const fail = b.page.getByRole('dialog', { name: `Fail step 1.1 "${stepTitle}"` });
  await fail.getByLabel('Reason (required)').fill('Kit short one connector');
  await fail.getByRole('button', { name: 'Fail step' }).click();
  await expect(stepState(b.page)).toHaveText(/Failed/);
  await expect(waiting(b.page, 1)).toBeVisible();

  // B's queue works offline on its cache and says so.
  await openQueue(b.page);
  await expect(b.page.getByTestId('freshness')).toContainText('(offline)');

  // A reaches the server first; B's fail then arrives against a completed step: a review item.
  await a.context.setOffline(false);
  await synced(a.page);
  await b.context.setOffline(false);
  await synced(b.page);
  await expect(b.page.getByTestId('freshness')).toHaveText('Up to date');

  // The server's queue: a technician is refused, a supervisor gets the item with both sides.
  await expect(api.get(`/v1/review?actorId=${userIds.tech}`)).rejects.toThrow(/: 403 /);
  const open = (await api.review()).filter((i) => i.review.runId === runId);
  expect(open).toHaveLength(1);
  expect(open[0]?.review).toMatchObject({ kind: 'stale_step', actorName: 'Chen Wei', resolution: null, serverSide: { state: 'complete', by: 'Ana Ortiz' } });

  // The supervisor decides in the queue: both sides, who and when, then reopen with a reason.
  const item = card(b.page, runId);
  await expect(item).toContainText('The step changed after it was seen');
  await expect(item.getByRole('region', { name: 'What the technician saw and did' })).toContainText('Failed the step');
  await expect(item.getByRole('region', { name: 'What the technician saw and did' })).toContainText('Their reason: Kit short one connector');
  await expect(item.getByRole('region', { name: 'What the server had' })).toContainText('Complete');
  await expect(item.getByRole('region', { name: 'What the server had' })).toContainText('By Ana Ortiz');
  await expect(item).toContainText(/Chen Wei on station \S+, \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2}/);
  await b.page.screenshot({ path: '.artifacts/screenshots/sync-review-queue.png' });

  await item.getByRole('button', { name: 'Reopen and redo' }).click();
  const dialog = b.page.getByRole('dialog', { name: `Reopen the step to be done again: ${runId}` });
  await dialog.getByRole('button', { name: 'Reopen and redo' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give a reason: it goes into the audit trail');
  await dialog.getByLabel('Reason (required)').fill('Kit was short: redo the check once the connector is in');
  await dialog.getByRole('button', { name: 'Reopen and redo' }).click();
  await expect(dialog).toBeHidden();
  await expect(b.page.getByText(`${runId}: Step reopened to be done again: review item decided. Saved on this station.`)).toBeVisible();
  await synced(b.page);
  await expect(card(b.page, runId)).toContainText('Decided: Reopen and redo by Chen Wei');
  await expect(card(b.page, runId).getByRole('button', { name: 'Reopen and redo' })).toHaveCount(0);

  // On the server: decided, and the step is to do again.
  const all = await api.get<{ items: { review: { runId: string; resolution: { action: string; byName: string } | null } }[] }>(`/v1/review?actorId=${userIds.sup}&include=all`);
  expect(all.items.find((i) => i.review.runId === runId)?.review.resolution).toMatchObject({ action: 'reopen', byName: 'Chen Wei' });
  expect((await api.run(runId)).steps.find((s) => s.id === `${runId}/P-100:1.1`)?.state).toBe('todo');

  // Station A: the technician's run view shows the step reopened without a reload, and a
  // supervisor signing in there finds the item decided.
  await expect(stepState(a.page)).toHaveText(/To do/, { timeout: 15_000 });
  await a.page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(a.page, 'sup');
  await openQueue(a.page);
  await expect(card(a.page, runId)).toContainText('Decided: Reopen and redo by Chen Wei');
  await a.context.close();
  await b.context.close();
});
