import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import {
  CreateEnrolmentCodeRequest,
  EnrolRequest,
  SignInRequest,
  type EnrolResponse,
  type SignInResponse,
} from '../../../shared/protocol/identity';
import { apiPaths } from '../../../shared/protocol/paths';
import { Id } from '../../../shared/schemas/common';
import { ApiError } from '../../apiError';
import { requireActor } from '../../identity/actor';
import { newEnrolmentCode, newToken, sha256, verifierOf, verifyPin } from '../../identity/secrets';
import { authStation } from '../auth';
import type { AppContext } from '../context';
import { parseOrThrow } from '../parse';

const IdParams = z.object({ id: Id });

export function identityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.post(apiPaths.enrol, async (request, reply) => {
    const body = parseOrThrow(EnrolRequest, request.body, 'Enrolment');
    const now = ctx.now();
    const enrolled = store.transaction(() => {
      if (!store.identity.consumeEnrolmentCode(sha256(body.code), now.toISOString())) return null;
      const token = newToken();
      const expiresAt = new Date(now.getTime() + ctx.tokenTtlMs).toISOString();
      const id = store.identity.nextStationId();
      store.identity.addStation({ id, name: body.name, tokenHash: sha256(token), expiresAt }, now.toISOString());
      return { stationId: id, token, expiresAt, nextSeq: 1 } satisfies EnrolResponse;
    });
    if (!enrolled) throw new ApiError('enrolment_code_invalid', 'This enrolment code is unknown, used up or expired: ask an administrator for a new one');
    return reply.status(201).send(enrolled);
  });

  app.post(apiPaths.enrolmentCodes, async (request, reply) => {
    authStation(ctx, request);
    const body = parseOrThrow(CreateEnrolmentCodeRequest, request.body, 'Enrolment code');
    const actor = requireActor(store, body.actorId, 'ManageStations');
    const now = ctx.now();
    const code = newEnrolmentCode();
    const expiresAt = new Date(now.getTime() + body.validHours * 3_600_000).toISOString();
    store.identity.addEnrolmentCode(sha256(code), body.uses, expiresAt, actor.id, now.toISOString());
    return reply.status(201).send({ code, expiresAt, uses: body.uses });
  });

  app.post(apiPaths.sessions, async (request) => {
    authStation(ctx, request);
    const body = parseOrThrow(SignInRequest, request.body, 'Sign-in');
    const now = ctx.now().getTime();
    const locked = ctx.throttle.lockedFor(body.badgeId, now);
    if (locked > 0) {
      throw new ApiError('too_many_attempts', `Too many wrong PINs for this badge: try again in ${String(Math.ceil(locked / 1000))} s`);
    }
    const found = store.identity.userWithPin(body.badgeId);
    // The same refusal for an unknown badge and a wrong PIN: a guesser learns nothing from it.
    if (!found || !(await verifyPin(body.pin, found.pinHash))) {
      ctx.throttle.failed(body.badgeId, now);
      throw new ApiError('bad_credentials', 'Badge or PIN not recognised');
    }
    ctx.throttle.succeeded(body.badgeId);
    if (!found.user.active) {
      throw new ApiError('permission_denied', `${found.user.name}'s account is deactivated: ask an administrator`);
    }
    const verifier = verifierOf(found.pinHash);
    if (!verifier) throw new Error(`stored PIN hash of ${found.user.id} is not in a known format`);
    return { user: found.user, badgeId: found.badgeId, verifier } satisfies SignInResponse;
  });

  app.get(apiPaths.users, (request) => {
    authStation(ctx, request);
    return { items: store.identity.users() };
  });

  app.get(apiPaths.user, (request) => {
    authStation(ctx, request);
    const { id } = parseOrThrow(IdParams, request.params, 'User');
    const user = store.identity.user(id);
    if (!user) throw new ApiError('unknown_user', `User ${id} does not exist`);
    return user;
  });
}
