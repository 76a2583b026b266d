import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { apiPaths } from '../../../shared/protocol/paths';
import { RunsQuery, type RunDetail } from '../../../shared/protocol/reads';
import { Id } from '../../../shared/schemas/common';
import { ApiError } from '../../apiError';
import { decodeCursor } from '../../storage/pageCursor';
import { InvalidCursorError } from '../../storage/readStore';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

const IdParams = z.object({ id: Id });
const BatchesQuery = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Procedures, runs (paged, filtered, sorted), one run with its steps, batches with their members. */
export function readRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(apiPaths.procedures, (request) => {
    authStation(ctx, request);
    return { items: store.catalog.summaries() };
  });

  app.get(apiPaths.procedure, (request) => {
    authStation(ctx, request);
    const { id } = parseOrThrow(IdParams, request.params, 'Procedure');
    const procedure = store.catalog.get(id);
    if (!procedure) throw new ApiError('unknown_procedure', `Procedure version ${id} does not exist`);
    return procedure;
  });

  app.get(apiPaths.runs, (request) => {
    authStation(ctx, request);
    const query = parseOrThrow(RunsQuery, request.query, 'Runs query');
    try {
      return store.reads.runs(query);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new ApiError('invalid_input', error.message, { issues: [{ path: 'cursor', message: error.message }] });
      throw error;
    }
  });

  app.get(apiPaths.run, (request) => {
    authStation(ctx, request);
    const { id } = parseOrThrow(IdParams, request.params, 'Run');
    // One snapshot: the run, its steps and its signatures as of the same commit.
    const detail = store.transaction((): RunDetail | undefined => {
      const run = store.reads.run(id);
      return run ? { run, steps: store.reads.steps(id), signatures: store.reads.signatures(id) } : undefined;
    });
    if (!detail) throw new ApiError('unknown_run', `Run ${id} does not exist`);
    return detail;
  });

  app.get(apiPaths.runAudit, (request) => {
    authStation(ctx, request);
    const { id } = parseOrThrow(IdParams, request.params, 'Run');
    if (!store.reads.run(id)) throw new ApiError('unknown_run', `Run ${id} does not exist`);
    return { items: store.reads.audit(id) };
  });

  app.get(apiPaths.batches, (request) => {
    authStation(ctx, request);
    const query = parseOrThrow(BatchesQuery, request.query, 'Batches query');
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !cursor) {
      throw new ApiError('invalid_input', 'cursor: not a cursor this server gave out', { issues: [{ path: 'cursor', message: 'not a cursor this server gave out' }] });
    }
    return store.reads.batches(cursor?.id ?? '', query.limit);
  });

  app.get(apiPaths.batch, (request) => {
    authStation(ctx, request);
    const { id } = parseOrThrow(IdParams, request.params, 'Batch');
    const batch = store.reads.batch(id);
    if (!batch) throw new ApiError('unknown_batch', `Batch ${id} does not exist`);
    return batch;
  });
}
