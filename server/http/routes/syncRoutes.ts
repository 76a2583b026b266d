import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../shared/protocol/paths';
import { PullQuery, PushRequest, type PushResponse } from '../../../shared/protocol/sync';
import * as z from 'zod';
import { Id } from '../../../shared/schemas/common';
import { Operation } from '../../../shared/schemas/operation';
import { parseInput } from '../../../shared/schemas/parse';
import { ApiError } from '../../apiError';
import { GroupCommit } from '../../sync/groupCommit';
import { push, type PushEntryOf } from '../../sync/push';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

/** Enough of an entry to record it: its id and station (and, if readable, its kind and actor). */
const Identified = z.object({
  id: Id,
  stationId: Id,
  kind: z.string().max(64).catch('unreadable'),
  actorId: z.string().max(128).catch(''),
});

/**
 * Parses every entry's operation before anything is applied. An entry that is not a valid
 * operation but names its id and station (a station of another version, say) is kept and
 * answered with a rejection, so it never blocks the station's later work; one that cannot even
 * be identified refuses the whole push.
 */
function parseEntries(body: unknown): PushEntryOf[] {
  const request = parseOrThrow(PushRequest, body, 'Push');
  return request.entries.map((entry, i): PushEntryOf => {
    const parsed = parseInput(Operation, entry.op);
    if (parsed.ok) return { seq: entry.seq, op: parsed.value };
    const identified = Identified.safeParse(entry.op);
    if (identified.success) return { seq: entry.seq, unreadable: { ...identified.data, raw: entry.op, problem: parsed.message } };
    const issues = parsed.issues.map((issue) => ({ path: `entries.${String(i)}.op${issue.path ? `.${issue.path}` : ''}`, message: issue.message }));
    throw new ApiError('invalid_operation', `Entry ${String(entry.seq)} is not an operation this server can identify: ${parsed.message}`, { issues });
  });
}

export function syncRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;
  // Pushes that arrive while one is committing share the next commit (and its disk flush).
  const pushes = new GroupCommit(store, () => { ctx.checkpoint?.request(); });

  app.post(apiPaths.push, async (request): Promise<PushResponse> => {
    const station = authStation(ctx, request);
    const entries = parseEntries(request.body);
    const receivedAt = ctx.now().toISOString();
    const response = await pushes.submit(() => push(store, station.id, entries, receivedAt));
    ctx.notifier.moved(response.head);
    return response;
  });

  // A PullResponse, written as JSON text by the feed itself: the stored rows go out as they are.
  app.get(apiPaths.pull, (request, reply) => {
    const station = authStation(ctx, request);
    const query = parseOrThrow(PullQuery, request.query, 'Pull');
    const text = store.transaction(() => store.feed.pageJson(query.since, query.limit, station.id));
    return reply.type('application/json; charset=utf-8').send(text);
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
