import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { EnrolResponse } from '../../shared/protocol/identity';
import type { BatchWithMembers, ReviewItem, RunDetail, RunsPage } from '../../shared/protocol/reads';
import type { PushResponse } from '../../shared/protocol/sync';
import type { Operation } from '../../shared/schemas/operation';
import { people, signIn, type Who } from './helpers';

/** The real central server the sync project runs (playwright.config.ts), with its demo plant, on this checkout's E2E_SYNC_PORT. */
export const serverUrl = `http://127.0.0.1:${process.env['E2E_SYNC_PORT'] ?? '4651'}`;
export const demoCode = 'LOCKSTEP-DEMO';
export const userIds = { tech: 'u-ana', sup: 'u-chen', eng: 'u-dana' } as const;

/**
 * A station the test itself plays over HTTP, to set up data (batches) and read the server's
 * state, independent of the browser stations under test.
 */
export class ServerApi {
  private seq = 1;
  private opCount = 0;

  private constructor(
    readonly stationId: string,
    private readonly token: string,
  ) {}

  static async enrol(name: string): Promise<ServerApi> {
    const reply = await fetch(`${serverUrl}/v1/stations/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: demoCode, name }),
    });
    if (reply.status !== 201) throw new Error(`enrol failed: ${String(reply.status)} ${await reply.text()}`);
    const body = (await reply.json()) as EnrolResponse;
    return new ServerApi(body.stationId, body.token);
  }

  async get<T>(path: string): Promise<T> {
    const reply = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!reply.ok) throw new Error(`GET ${path}: ${String(reply.status)} ${await reply.text()}`);
    return (await reply.json()) as T;
  }

  /** Pushes operations under this station's next sequence numbers. */
  async push(ops: Operation[]): Promise<PushResponse> {
    const entries = ops.map((op, i) => ({ seq: this.seq + i, op }));
    const reply = await fetch(`${serverUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ entries }),
    });
    if (!reply.ok) throw new Error(`push: ${String(reply.status)} ${await reply.text()}`);
    this.seq += ops.length;
    return (await reply.json()) as PushResponse;
  }

  /** An operation envelope from this station, with an id no other test uses. */
  envelope(actorId: string) {
    this.opCount += 1;
    return { id: `${this.stationId}-op-${String(this.opCount)}`, stationId: this.stationId, actorId, at: new Date().toISOString() };
  }

  /**
   * Runs still to do and in no batch, of one procedure version: the tests of this file share one
   * server, and each takes runs nobody has touched (a test that starts them moves them out of "todo").
   */
  async freshRuns(n: number): Promise<string[]> {
    const page = await this.get<RunsPage>('/v1/runs?status=todo&batch=none&procedure=P-100&sort=id&limit=500');
    const byVersion = new Map<string, string[]>();
    for (const run of page.items) byVersion.set(run.procedureVersionId, [...(byVersion.get(run.procedureVersionId) ?? []), run.id]);
    const ids = [...byVersion.values()].find((list) => list.length >= n);
    if (!ids) throw new Error(`fewer than ${String(n)} fresh P-100 runs left`);
    return ids.slice(0, n);
  }

  /** Batches the runs as the supervisor; returns the batch id. */
  async batch(runIds: string[], title: string): Promise<string> {
    const batchId = `${this.stationId}-B${String(this.seq)}`;
    const response = await this.push([{ ...this.envelope(userIds.sup), kind: 'createBatch', batchId, title, runIds }]);
    expect(response.results[0]?.outcome.status).toBe('applied');
    return batchId;
  }

  /**
   * Starts each run's step 1 ("Kit and inspect") as the technician, so its child steps can be
   * signed off; done before batching, so each start stays on its own run.
   */
  async startParents(runIds: string[]): Promise<void> {
    const ops: Operation[] = [];
    for (const runId of runIds) {
      const stepId = `${runId}/P-100:1`;
      const step = (await this.run(runId)).steps.find((s) => s.id === stepId);
      if (!step) throw new Error(`no step ${stepId}`);
      ops.push({ ...this.envelope(userIds.tech), kind: 'start', runId, stepId, seen: { stepVersion: step.version, batchId: null, batchMembers: [] } });
    }
    const response = await this.push(ops);
    expect(response.results.map((r) => r.outcome.status)).toEqual(runIds.map(() => 'applied'));
  }

  async removeFromBatch(batchId: string, runId: string): Promise<void> {
    const response = await this.push([{ ...this.envelope(userIds.sup), kind: 'removeRunFromBatch', batchId, runId }]);
    expect(response.results[0]?.outcome.status).toBe('applied');
  }

  run(runId: string): Promise<RunDetail> {
    return this.get<RunDetail>(`/v1/runs/${runId}`);
  }

  batchOf(batchId: string): Promise<BatchWithMembers> {
    return this.get<BatchWithMembers>(`/v1/batches/${batchId}`);
  }

  async review(): Promise<ReviewItem[]> {
    return (await this.get<{ items: ReviewItem[] }>(`/v1/review?actorId=${userIds.sup}`)).items;
  }
}

/**
 * The step the tests act on: the first leaf of P-100 (a parent is signed off only after its
 * children), a technician's sign-off with one yes/no field that travels with the sign-off.
 */
export const stepOf = (runId: string): string => `${runId}/P-100:1.1`;
export const stepTitle = 'Verify traveler and kit against the pick list';

/**
 * A new station: its own browser context (own storage), enrolled through the Connect screen,
 * signed in through the server, with the whole feed pulled into its cache.
 */
export async function newStation(browser: Browser, name: string, who: Who = 'tech'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect this station' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Server address')).toHaveValue(serverUrl);
  await page.getByLabel('Enrolment code').fill(demoCode);
  await page.getByLabel('Station name').fill(name);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByLabel('Badge')).toBeVisible({ timeout: 30_000 });
  await signIn(page, who);
  await synced(page);
  return { context, page };
}

/** Online, nothing waiting, and the station has synced at least once. */
export async function synced(page: Page, timeout = 30_000): Promise<void> {
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Online', { timeout });
  await expect(status).toContainText('0 waiting to sync', { timeout });
  await expect(status).not.toContainText('Last sync: never', { timeout });
}

/** Operations still in a station's outbox, read straight from its IndexedDB (named after its station id). */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => /^lockstep-ST/.test(n));
    if (!name) throw new Error('no station database');
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => {
        reject(new Error('open failed'));
      };
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => {
          open.result.close();
          resolve(count.result);
        };
      };
    });
  });
}

export { people };
