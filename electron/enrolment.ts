import type { BridgeResult, EnrolInput } from '../shared/bridge/contract';
import { ErrorBody } from '../shared/protocol/errors';
import { EnrolResponse, type EnrolRequest } from '../shared/protocol/identity';
import { apiPaths } from '../shared/protocol/paths';
import type { FetchLike } from '../shared/sync/httpTransport';
import { fail, ok } from './bridgeResult';
import type { StoredStation } from './stationStore';

/**
 * The server address as the station keeps it: http(s), no user name or password (a token goes
 * in a header, never in the URL), no query or fragment, and no trailing slash, because the sync
 * transport appends `/v1/...` to it. A path is kept: a server may sit behind a proxy at /lockstep.
 */
export function normalizeServerUrl(raw: string): BridgeResult<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('invalid_server_url', 'The server address is not a complete address (http://host:port)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('invalid_server_url', 'The server address must start with http:// or https://');
  if (url.username !== '' || url.password !== '') return fail('invalid_server_url', 'The server address may not contain a user name or password');
  if (url.search !== '' || url.hash !== '') return fail('invalid_server_url', 'The server address may not contain ? or #');
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

export interface EnrolDeps {
  /** Electron's net.fetch in main: Chromium's network stack, with the system's proxy settings. */
  fetch: FetchLike;
  now: () => Date;
}

/**
 * Asks the server for a station identity and token with the code an administrator handed out.
 * Every outcome is a result: the server's refusal with its own code and sentence, an unreachable
 * server, or an answer this station cannot read.
 */
export async function enrolStation(input: EnrolInput, deps: EnrolDeps): Promise<BridgeResult<StoredStation>> {
  const base = normalizeServerUrl(input.serverUrl);
  if (!base.ok) return base;
  const request: EnrolRequest = { code: input.code, name: input.name };
  let status: number;
  let body: unknown;
  try {
    const response = await deps.fetch(`${base.value}${apiPaths.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    });
    status = response.status;
    body = await response.json().catch(() => null);
  } catch (error) {
    return fail('server_unreachable', `The server at ${base.value} cannot be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  if (status < 200 || status >= 300) {
    const refusal = ErrorBody.safeParse(body);
    return refusal.success
      ? fail(refusal.data.error.code, refusal.data.error.message)
      : fail(`http_${String(status)}`, `The server at ${base.value} answered ${String(status)}: is this a Lockstep server?`);
  }
  const enrolled = EnrolResponse.safeParse(body);
  if (!enrolled.success) return fail('bad_response', `The server at ${base.value} sent an answer this station cannot read: is this a Lockstep server?`);
  return ok({
    serverUrl: base.value,
    stationId: enrolled.data.stationId,
    stationName: input.name,
    token: enrolled.data.token,
    tokenExpiresAt: enrolled.data.expiresAt,
    nextSeq: enrolled.data.nextSeq,
    enrolledAt: deps.now().toISOString(),
  });
}
