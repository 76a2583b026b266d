import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { apiPaths } from '../../../shared/protocol/paths';
import { ResolveReviewRequest, ReviewQuery } from '../../../shared/protocol/reads';
import { Id } from '../../../shared/schemas/common';
import { ApiError } from '../../apiError';
import { requireActor } from '../../identity/actor';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

const OperationParams = z.object({ operationId: Id });

/** The supervisors' review queue: list (ViewReviewQueue) and resolve (ResolveReview). */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(apiPaths.review, (request) => {
    authStation(ctx, request);
    const query = parseOrThrow(ReviewQuery, request.query, 'Review query');
    requireActor(store, query.actorId, 'ViewReviewQueue');
    return { items: store.review.items(query.include === 'all') };
  });

  app.post(apiPaths.resolveReview, (request) => {
    authStation(ctx, request);
    const { operationId } = parseOrThrow(OperationParams, request.params, 'Review');
    const body = parseOrThrow(ResolveReviewRequest, request.body, 'Resolution');
    const actor = requireActor(store, body.actorId, 'ResolveReview');
    return store.transaction(() => {
      const item = store.review.get(operationId);
      if (!item) throw new ApiError('unknown_operation', `Operation ${operationId} is not in the review queue`);
      // Resolving twice keeps the first decision: a resolution is a record, never edited.
      if (!item.resolution) store.review.resolve(operationId, actor.id, body.note, ctx.now().toISOString());
      return store.review.get(operationId);
    });
  });
}
