import { mkdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { openRun, pickStep, start, stepDetail, stepState } from './helpers';

// Issue 6: the step history (the trail) and its CSV, and the print view of a batch record and a
// run record with every signature manifested. Expected values are read from the station's own
// IndexedDB, never typed in here.

const shots = '.artifacts/screenshots';
const meaningWord = { performed: 'Performed', verified: 'Verified', approved: 'Approved' } as const;

interface StoredSignature {
  id: string;
  runId: string;
  stepId: string;
  signerName: string;
  meaning: keyof typeof meaningWord;
  signedAt: string;
  provenance: { batchId: string; fromRunId: string; fromStepId: string } | null;
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Reads a store of the station's cache in the page, past the app, with plain IndexedDB. */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('lockstep-station');
        open.onerror = () => {
          reject(new Error('open failed'));
        };
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}

async function signOff(page: Page, step: string, meaning: 'Performed' | 'Verified', pin: string): Promise<void> {
  await pickStep(page, step);
  await stepDetail(page).getByRole('group', { name: 'Step actions' }).getByRole('button', { name: 'Sign off', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Sign off step .* "${step}"`) });
  // The meaning is what the record must show: make sure the choice took before signing.
  await expect(async () => {
    await dialog.getByText(meaning, { exact: true }).click();
    await expect(dialog.getByRole('radio', { name: new RegExp(`^${meaning}`) })).toBeChecked({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel('PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(stepState(page)).toHaveText(/Complete/);
}

/** Every signature of these runs in IndexedDB is on the print view: name, meaning, time with zone, provenance. */
async function expectEverySignatureManifested(page: Page, runIds: readonly string[]): Promise<number> {
  const signatures = (await readStore<StoredSignature>(page, 'signatures')).filter((s) => runIds.includes(s.runId));
  expect(signatures.length).toBeGreaterThan(0);
  await expect(page.locator('.print-page .sig')).toHaveCount(signatures.length);
  for (const s of signatures) {
    const line = page.locator(`.print-page [data-signature-id="${s.id}"]`);
    await expect(line.locator('.sig-name')).toHaveText(s.signerName);
    await expect(line.locator('.sig-meaning')).toHaveText(meaningWord[s.meaning]);
    await expect(line.locator('time.sig-time')).toHaveAttribute('datetime', s.signedAt);
    // Date, time to the second, and the zone.
    await expect(line.locator('time.sig-time')).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \S+$/);
    if (s.provenance) await expect(line.locator('.sig-provenance')).toContainText(`Applied through Batch ${s.provenance.batchId} from run ${s.provenance.fromRunId}`);
  }
  return signatures.length;
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a batch sign-off and a single-run sign-off: the batch and run records manifest every signature in the cache', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  await signOff(page, 'Place components', 'Verified', '4444');
  await openRun(page, 'R-1018');
  await pickStep(page, 'Cut and strip wires');
  const length = stepDetail(page).getByRole('textbox', { name: 'Cut length (mm)' });
  await length.fill('500.2');
  await length.press('Enter');
  await expect(stepDetail(page).getByText('✓ Within limits')).toBeVisible();
  await signOff(page, 'Cut and strip wires', 'Performed', '4444');

  // The batch record, from the batch pill.
  await openRun(page, 'R-1005');
  await page.getByRole('button', { name: /^Batch B-101/ }).click();
  await page.getByRole('menuitem', { name: 'Print batch record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Batch record: B-101: Line 2 morning' })).toBeVisible();
  const batch = (await readStore<{ id: string; memberRunIds: string[] }>(page, 'batches')).find((b) => b.id === 'B-101');
  const members = batch?.memberRunIds ?? [];
  expect(members.length).toBeGreaterThan(1);
  const stationId = await page.evaluate(() => document.querySelector('.station-code')?.textContent ?? '');
  await expect(page.locator('.print-provenance')).toContainText(/^Printed by Chen Wei on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \S+ from station \S+\. /);
  await expect(page.locator('.print-provenance')).toContainText('not yet confirmed by the server');
  expect(stationId).not.toBe('');
  for (const runId of members) await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Run ${runId}:`) })).toBeVisible();
  const count = await expectEverySignatureManifested(page, members);
  // The new sign-off is there on the source and its three siblings.
  const fresh = page.locator('.print-page .sig').filter({ hasText: 'Chen Wei · Verified' });
  await expect(fresh).toHaveCount(4);
  expect(count).toBeGreaterThanOrEqual(4);
  await shoot(page, 'print-batch-record');
  const axe = await new AxeBuilder({ page }).include('.print-page').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // In print: no header or buttons, black on white.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: /Print/ })).toBeHidden();
  expect(await page.locator('.print-page').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');
  await shoot(page, 'print-batch-record-print-media');
  await page.emulateMedia({ media: 'screen' });

  // In the browser the button opens the browser's print dialog (the edge: stubbed to count).
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print / Save as PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // The run record, from the run header.
  await openRun(page, 'R-1018');
  await page.getByRole('link', { name: 'Print run record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run record: R-1018' })).toBeVisible();
  await expectEverySignatureManifested(page, ['R-1018']);
  await expect(page.locator('.print-page .sig').filter({ hasText: 'Chen Wei · Performed' })).toHaveCount(1);
  await shoot(page, 'print-run-record');
});

test('the step history shows a propagated sign-off with its source on a sibling and its targets on the source; the CSV matches it', async ({ page }) => {
  await start(page, 'sup');
  await openRun(page, 'R-1005');
  await signOff(page, 'Place components', 'Verified', '4444');

  // On the source step: where the sign-off went.
  await stepDetail(page).getByRole('button', { name: /^Show history \(\d+\)$/ }).click();
  const sourceLast = stepDetail(page).locator('.trail-line').last();
  await expect(sourceLast.locator('.trail-what')).toHaveText(/^Signed off: .* → Complete$/);
  await expect(sourceLast.locator('.trail-targets')).toHaveText('Also applied to R-1006, R-1007, R-1008');
  await expect(sourceLast.locator('.trail-received')).toHaveText('not yet received by the server');

  // On a sibling: where it came from, with the signature manifested.
  await openRun(page, 'R-1007');
  await pickStep(page, 'Place components');
  await stepDetail(page).getByRole('button', { name: /^Show history/ }).click();
  const lines = stepDetail(page).locator('.trail-line');
  const last = lines.last();
  await expect(last.locator('.trail-what')).toHaveText(/^Signed off: .* → Complete$/);
  await expect(last.locator('.trail-source')).toHaveText('Applied through Batch B-101 from run R-1005, step 2.2');
  await expect(last.locator('.trail-signature')).toContainText(/Signed by Chen Wei · Verified · \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} \S+$/);
  await expect(last.locator('.trail-actor')).toHaveText('Chen Wei');
  // The demo plant's earlier lines were received by its server; the history offers nothing to edit.
  await expect(lines.first().locator('.trail-received')).toContainText('received by the server');
  await expect(page.locator('#step-history-lines').getByRole('textbox')).toHaveCount(0);
  await expect(page.locator('#step-history-lines').getByRole('button')).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).include('.step-history').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await stepDetail(page).locator('.step-history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/step-history.png` });

  // The CSV: a BOM, then the same lines as on screen, in order.
  const [download] = await Promise.all([page.waitForEvent('download'), stepDetail(page).getByRole('button', { name: 'Export trail (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('trail-R-1007-step-2.2.csv');
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const onScreen = await lines.evaluateAll((items) =>
    items.map((li) => ({
      at: li.querySelector('.trail-when time')?.getAttribute('datetime') ?? '',
      what: li.querySelector('.trail-what')?.textContent ?? '',
      who: li.querySelector('.trail-actor')?.textContent ?? '',
      station: li.querySelector('.trail-station')?.textContent ?? '',
      source: li.querySelector('.trail-source')?.textContent ?? '',
      reason: (li.querySelector('.trail-reason')?.textContent ?? '').replace(/^Reason: /, ''),
    })),
  );
  expect(onScreen.length).toBeGreaterThan(1);
  expect(
    parsed.data.map((r) => ({ at: r['Station time (UTC)'], what: r['What'], who: r['Who'], station: r['Station'], source: r['Source'], reason: r['Reason'] })),
  ).toEqual(onScreen);
  expect(parsed.data.at(-1)).toMatchObject({ Run: 'R-1007', Step: '2.2', 'Signed by': 'Chen Wei', Meaning: 'verified' });
});
