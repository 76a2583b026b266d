import type { FastifyRequest } from 'fastify';
import { ApiError } from '../apiError';
import { sha256 } from '../identity/secrets';
import type { StationRow } from '../storage/identityStore';
import type { AppContext } from './context';

/**
 * The enrolled station making the request, from its bearer token. Only the token's hash is
 * stored, so the database alone does not let anyone act as a station.
 */
export function authStation(ctx: AppContext, request: FastifyRequest): StationRow {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    throw new ApiError('token_missing', 'This endpoint needs a station token: send "Authorization: Bearer <token>" (enrol the station to get one)');
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1];
  if (token === undefined) throw new ApiError('token_invalid', 'The Authorization header must read "Bearer <token>"');
  const station = ctx.store.identity.stationByTokenHash(sha256(token));
  if (!station) throw new ApiError('token_invalid', 'This station token is not known: enrol the station again');
  if (station.tokenExpiresAt <= ctx.now().toISOString()) {
    throw new ApiError('token_expired', `The token of station ${station.id} expired at ${station.tokenExpiresAt}: enrol the station again`);
  }
  return station;
}
