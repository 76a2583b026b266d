import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../shared/protocol/paths';
import { PullQuery, PushRequest, type PullResponse, type PushResponse } from '../../../shared/protocol/sync';
import { Operation } from '../../../shared/schemas/operation';
import { parseInput } from '../../../shared/schemas/parse';
import { ApiError } from '../../apiError';
import { push, type PushEntryOf } from '../../sync/push';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

/**
 * Parses every entry's operation before anything is applied. An entry that is not an operation
 * at all (unknown kind, wrong types) refuses the whole push: the station validated it with the
 * same shared schema before it entered the outbox, so this is a version skew or a bug, and
 * recording it under a sequence number would pass off garbage as a decided operation.
 */
function parseEntries(body: unknown): PushEntryOf[] {
  const request = parseOrThrow(PushRequest, body, 'Push');
  return request.entries.map((entry, i) => {
    const parsed = parseInput(Operation, entry.op);
    if (parsed.ok) return { seq: entry.seq, op: parsed.value };
    const issues = parsed.issues.map((issue) => ({ path: `entries.${String(i)}.op${issue.path ? `.${issue.path}` : ''}`, message: issue.message }));
    throw new ApiError('invalid_operation', `Entry ${String(entry.seq)} is not a valid operation: ${parsed.message}`, { issues });
  });
}

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.post(apiPaths.push, (request): PushResponse => {
    const station = authStation(ctx, request);
    const entries = parseEntries(request.body);
    const response = push(store, station.id, entries, ctx.now().toISOString());
    ctx.notifier.moved(response.head);
    return response;
  });

  app.get(apiPaths.pull, (request): PullResponse => {
    const station = authStation(ctx, request);
    const query = parseOrThrow(PullQuery, request.query, 'Pull');
    const page = store.transaction(() => store.feed.page(query.since, query.limit, station.id));
    return { ...page, more: page.cursor < page.head };
  });

  app.get(apiPaths.events, (request, reply) => {
    authStation(ctx, request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // Proxies must pass each poke through at once.
      'x-accel-buffering': 'no',
    });
    const poke = (head: number) => res.write(`event: feed\ndata: ${JSON.stringify({ head })}\n\n`);
    poke(store.feed.head());
    const unsubscribe = ctx.notifier.subscribe(poke);
    // A comment line now and then keeps idle connections from being cut by proxies.
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      ctx.streams.delete(res);
    };
    ctx.streams.add(res);
    res.on('close', stop);
  });
}
