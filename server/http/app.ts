import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { servedByMeta } from '../../shared/protocol/paths';
import { apiPaths } from '../../shared/protocol/paths';
import { ApiError } from '../apiError';
import { schemaVersion } from '../storage/database';
import type { AppContext } from './context';
import { errorHandler } from './errorHandler';
import { identityRoutes } from './routes/identityRoutes';
import { readRoutes } from './routes/readRoutes';
import { reviewRoutes } from './routes/reviewRoutes';
import { syncRoutes } from './routes/syncRoutes';

/** The largest request body accepted: a full push of 500 operations fits with room to spare. */
export const defaultBodyLimit = 4 * 1024 * 1024;

export interface AppOptions {
  logger: boolean;
  bodyLimit?: number;
  /** A built station renderer to serve at `/`, so a browser opens the station from the server itself. */
  stationDir?: string;
}

export function buildApp(ctx: AppContext, options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    // Ids travel in paths: allow the Id schema's full 128 characters and more.
    routerOptions: { maxParamLength: 500 },
  });
  // JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError('route_not_found', `There is no ${request.method} ${request.url.split('?')[0] ?? ''} on this server`);
    void reply.status(error.status).send(error.body());
  });
  // Open event streams would hold the server open: end them first.
  app.addHook('preClose', (done) => {
    for (const stream of ctx.streams) stream.end();
    ctx.streams.clear();
    done();
  });

  if (options.stationDir !== undefined) serveStation(app, resolve(options.stationDir));

  app.get(apiPaths.health, () => ({ ok: true, head: ctx.store.feed.head(), schemaVersion: schemaVersion(ctx.store.db) }));
  identityRoutes(app, ctx);
  readRoutes(app, ctx);
  syncRoutes(app, ctx);
  reviewRoutes(app, ctx);
  return app;
}

/**
 * Serves a built station renderer at `/`. Its index.html is sent with a marker meta tag, so a
 * station page can tell it was served by a Lockstep server (and offer to enrol with it) without
 * probing an endpoint. Only the files that exist now are routed (no wildcard), so an unknown path
 * still gets the API's JSON 404. The station's own CSP travels in its index.html.
 */
function serveStation(app: FastifyInstance, root: string): void {
  const page = readFileSync(join(root, 'index.html'), 'utf8').replace('<head>', `<head>\n    <meta name="${servedByMeta}" content="1" />`);
  // Answered before routing, so the static plugin's own route for index.html never sends the unmarked file.
  app.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if ((request.method === 'GET' || request.method === 'HEAD') && (path === '/' || path === '/index.html')) {
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
      return;
    }
    done();
  });
  void app.register(fastifyStatic, { root, wildcard: false, index: false });
}
