import { ErrorBody } from '../protocol/errors';
import { EnrolResponse, SignInResponse, type EnrolRequest } from '../protocol/identity';
import { apiPaths } from '../protocol/paths';
import type { FetchLike } from '../sync/httpTransport';
import type { BridgeResult, EnrolInput, SignInInput } from './contract';

/**
 * The two calls a station host makes to the server outside sync: enrolling, and signing a person
 * in. Electron's main process and the browser host both use these, each with its own fetch, so a
 * station answers the same way whichever host it runs in.
 */

export const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string): BridgeResult<T> => ({ ok: false, error: { code, message } });

/** The parts of the platform's URL the station reads (passed in: shared/ sees no platform globals). */
export interface UrlParts {
  protocol: string;
  username: string;
  password: string;
  search: string;
  hash: string;
  origin: string;
  pathname: string;
}
export type UrlConstructor = new (url: string) => UrlParts;

/**
 * The server address as a station keeps it: http(s), no user name or password (a token goes in a
 * header, never in the URL), no query or fragment, and no trailing slash, because the sync
 * transport appends `/v1/...` to it. A path is kept: a server may sit behind a proxy at /lockstep.
 */
export function normalizeServerUrl(raw: string, Url: UrlConstructor): BridgeResult<string> {
  let url: UrlParts;
  try {
    url = new Url(raw);
  } catch {
    return fail('invalid_server_url', 'The server address is not a complete address (http://host:port)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('invalid_server_url', 'The server address must start with http:// or https://');
  if (url.username !== '' || url.password !== '') return fail('invalid_server_url', 'The server address may not contain a user name or password');
  if (url.search !== '' || url.hash !== '') return fail('invalid_server_url', 'The server address may not contain ? or #');
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** A station's identity as the server handed it out. */
export interface Enrolment {
  serverUrl: string;
  stationId: string;
  stationName: string;
  token: string;
  tokenExpiresAt: string;
  /** The server's first sequence number for this station. */
  nextSeq: number;
}

/** Posts JSON and reads the answer; an unreachable server is told apart from a refusal. */
async function post(fetch: FetchLike, url: string, body: unknown, token?: string): Promise<{ status: number; body: unknown } | { unreachable: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : String(error) };
  }
}

/** The server's refusal in its own code and sentence, or what its status says when it gave none. */
function refusal(status: number, body: unknown, base: string): BridgeResult<never> {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) return fail(parsed.data.error.code, parsed.data.error.message);
  if (status >= 500) return fail('server_unreachable', `The server at ${base} answered ${String(status)}`);
  return fail(`http_${String(status)}`, `The server at ${base} answered ${String(status)}: is this a Lockstep server?`);
}

/**
 * Asks the server for a station identity and token with the code an administrator handed out.
 * Every outcome is a result: the server's refusal with its own code and sentence, an unreachable
 * server, or an answer this station cannot read.
 */
export async function enrolWithServer(input: EnrolInput, fetch: FetchLike, Url: UrlConstructor): Promise<BridgeResult<Enrolment>> {
  const base = normalizeServerUrl(input.serverUrl, Url);
  if (!base.ok) return base;
  const request: EnrolRequest = { code: input.code, name: input.name };
  const answer = await post(fetch, `${base.value}${apiPaths.enrol}`, request);
  if ('unreachable' in answer) return fail('server_unreachable', `The server at ${base.value} cannot be reached (${answer.unreachable})`);
  if (answer.status < 200 || answer.status >= 300) {
    // A 5xx on enrolment is the server's problem, not an unreachable one: keep its status.
    const parsed = ErrorBody.safeParse(answer.body);
    return parsed.success
      ? fail(parsed.data.error.code, parsed.data.error.message)
      : fail(`http_${String(answer.status)}`, `The server at ${base.value} answered ${String(answer.status)}: is this a Lockstep server?`);
  }
  const enrolled = EnrolResponse.safeParse(answer.body);
  if (!enrolled.success) return fail('bad_response', `The server at ${base.value} sent an answer this station cannot read: is this a Lockstep server?`);
  return ok({
    serverUrl: base.value,
    stationId: enrolled.data.stationId,
    stationName: input.name,
    token: enrolled.data.token,
    tokenExpiresAt: enrolled.data.expiresAt,
    nextSeq: enrolled.data.nextSeq,
  });
}

/**
 * Signs a person in through the server with the station's token. The answer is the person's
 * public profile and PIN verifier, or the server's refusal in its words; an unreachable server is
 * told apart (`server_unreachable`) so the page can check the PIN against the verifiers it holds.
 */
export async function signInWithServer(
  station: { serverUrl: string; token: string } | null,
  input: SignInInput,
  fetch: FetchLike,
): Promise<BridgeResult<SignInResponse>> {
  if (!station) return fail('not_enrolled', 'This station is not enrolled with a server yet');
  const answer = await post(fetch, `${station.serverUrl}${apiPaths.sessions}`, input, station.token);
  if ('unreachable' in answer) return fail('server_unreachable', `The server cannot be reached (${answer.unreachable})`);
  if (answer.status < 200 || answer.status >= 300) return refusal(answer.status, answer.body, station.serverUrl);
  const parsed = SignInResponse.safeParse(answer.body);
  return parsed.success ? ok(parsed.data) : fail('bad_response', 'The server sent a sign-in answer this station cannot read');
}
