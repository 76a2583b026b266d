import type { ErrorBody } from '../../shared/protocol/errors';
import type { EnrolResponse } from '../../shared/protocol/identity';
import { apiPaths } from '../../shared/protocol/paths';
import type { BatchWithMembers, RunDetail } from '../../shared/protocol/reads';
import type { PullResponse, PushResponse } from '../../shared/protocol/sync';
import type { Operation, OperationOf, Seen, StepOperation } from '../../shared/schemas/operation';
import { users, type Who } from '../shared/fixtures';
import { testEnrolmentCode } from './harness';

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export async function http<T = unknown>(url: string, init: { method?: string; token?: string; body?: unknown; raw?: string; contentType?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  const payload = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (payload !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(url, { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, ...(payload === undefined ? {} : { body: payload }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export const errorOf = (reply: Reply): ErrorBody['error'] => (reply.body as ErrorBody).error;

let opCounter = 0;

/**
 * A station as the tests drive it: enrolled with a token, numbering its operations gap-free, and
 * building operations from what the server shows now (their `seen`), like a station in sync.
 */
export class StationClient {
  seq = 1;

  private constructor(
    readonly baseUrl: string,
    readonly stationId: string,
    readonly token: string,
  ) {}

  static async enrol(baseUrl: string, name = 'Test station'): Promise<StationClient> {
    const reply = await http<EnrolResponse>(`${baseUrl}${apiPaths.enrol}`, { body: { code: testEnrolmentCode, name } });
    if (reply.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(reply.body)}`);
    return new StationClient(baseUrl, reply.body.stationId, reply.body.token);
  }

  /** The same station talking to a server at another address (a restarted process). */
  at(baseUrl: string): StationClient {
    const moved = new StationClient(baseUrl, this.stationId, this.token);
    moved.seq = this.seq;
    return moved;
  }

  get<T = unknown>(path: string): Promise<Reply<T>> {
    return http<T>(`${this.baseUrl}${path}`, { token: this.token });
  }

  post<T = unknown>(path: string, body: unknown): Promise<Reply<T>> {
    return http<T>(`${this.baseUrl}${path}`, { token: this.token, body });
  }

  /** Pushes entries exactly as given. */
  pushEntries(entries: { seq: number; op: unknown }[]): Promise<Reply<PushResponse>> {
    return this.post<PushResponse>(apiPaths.push, { entries });
  }

  /** Numbers the operations after the last ones sent and pushes them. */
  async push(...ops: Operation[]): Promise<PushResponse> {
    const entries = ops.map((op, i) => ({ seq: this.seq + i, op }));
    const reply = await this.pushEntries(entries);
    if (reply.status !== 200) throw new Error(`push failed (${String(reply.status)}): ${JSON.stringify(reply.body)}`);
    this.seq += ops.length;
    return reply.body;
  }

  /** Pushes one operation and returns its outcome. */
  async pushOne(op: Operation) {
    const response = await this.push(op);
    const [result] = response.results;
    if (!result) throw new Error('push returned no result');
    return result.outcome;
  }

  async pull(since: number, limit = 500): Promise<PullResponse> {
    const reply = await this.get<PullResponse>(`${apiPaths.pull}?since=${String(since)}&limit=${String(limit)}`);
    if (reply.status !== 200) throw new Error(`pull failed: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async run(runId: string): Promise<RunDetail> {
    const reply = await this.get<RunDetail>(`/v1/runs/${encodeURIComponent(runId)}`);
    if (reply.status !== 200) throw new Error(`no run ${runId}`);
    return reply.body;
  }

  async step(runId: string, origin: string) {
    const { steps } = await this.run(runId);
    const step = steps.find((s) => s.originStepId === origin);
    if (!step) throw new Error(`no step ${origin} in ${runId}`);
    return step;
  }

  async seen(runId: string, origin: string): Promise<Seen> {
    const { run, steps } = await this.run(runId);
    const step = steps.find((s) => s.originStepId === origin);
    if (!step) throw new Error(`no step ${origin} in ${runId}`);
    let members: string[] = [];
    if (run.batchId !== null) {
      const batch = await this.get<BatchWithMembers>(`/v1/batches/${encodeURIComponent(run.batchId)}`);
      members = batch.body.batch.memberRunIds;
    }
    return { stepVersion: step.version, batchId: run.batchId, batchMembers: members };
  }

  private envelope(who: Who) {
    opCounter += 1;
    return { id: `${this.stationId}-op-${String(opCounter)}`, stationId: this.stationId, actorId: users[who].id, at: new Date(Date.UTC(2026, 10, 26, 9, 0, opCounter)).toISOString() };
  }

  async stepOp<K extends StepOperation['kind']>(
    kind: K,
    runId: string,
    origin: string,
    fields: Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at' | 'runId' | 'stepId' | 'seen'>,
    who: Who = 'tech',
  ): Promise<OperationOf<K>> {
    const seen = await this.seen(runId, origin);
    return { ...this.envelope(who), kind, runId, stepId: `${runId}/${origin}`, seen, ...fields } as OperationOf<K>;
  }

  batchOp<K extends Exclude<Operation['kind'], StepOperation['kind']>>(
    kind: K,
    fields: Omit<OperationOf<K>, 'kind' | 'id' | 'stationId' | 'actorId' | 'at'>,
    who: Who = 'sup',
  ): OperationOf<K> {
    return { ...this.envelope(who), kind, ...fields } as OperationOf<K>;
  }
}
