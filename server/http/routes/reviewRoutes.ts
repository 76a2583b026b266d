import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../../shared/protocol/paths';
import { ReviewQuery } from '../../../shared/protocol/reads';
import { requireActor } from '../../identity/actor';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

/**
 * The supervisors' review queue (ViewReviewQueue). Deciding an item is the resolveReview
 * operation, pushed through /v1/sync/push like any other, so it is audited and works offline.
 */
export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(apiPaths.review, (request) => {
    authStation(ctx, request);
    const query = parseOrThrow(ReviewQuery, request.query, 'Review query');
    requireActor(store, query.actorId, 'ViewReviewQueue');
    return { items: store.review.items(query.include === 'all') };
  });
}
