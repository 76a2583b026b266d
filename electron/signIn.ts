import type { BridgeResult, SignInInput } from '../shared/bridge/contract';
import { ErrorBody } from '../shared/protocol/errors';
import { SignInResponse } from '../shared/protocol/identity';
import { apiPaths } from '../shared/protocol/paths';
import type { FetchLike } from '../shared/sync/httpTransport';
import { fail, ok } from './bridgeResult';
import type { StoredStation } from './stationStore';

/**
 * Signs a person in through the server with the station's token, which never leaves main. The
 * answer is the person's public profile and PIN verifier, or the server's refusal in its words;
 * an unreachable server is told apart (`server_unreachable`) so the page can check the PIN
 * against the verifiers it already holds.
 */
export async function signInThroughServer(
  station: StoredStation | null,
  input: SignInInput,
  fetch: FetchLike,
): Promise<BridgeResult<SignInResponse>> {
  if (!station) return fail('not_enrolled', 'This station is not enrolled with a server yet');
  let status: number;
  let body: unknown;
  try {
    const response = await fetch(`${station.serverUrl}${apiPaths.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${station.token}` },
      body: JSON.stringify(input),
    });
    status = response.status;
    body = await response.json().catch(() => null);
  } catch (error) {
    return fail('server_unreachable', `The server cannot be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  if (status >= 200 && status < 300) {
    const parsed = SignInResponse.safeParse(body);
    return parsed.success ? ok(parsed.data) : fail('bad_response', 'The server sent a sign-in answer this station cannot read');
  }
  const refusal = ErrorBody.safeParse(body);
  if (refusal.success) return fail(refusal.data.error.code, refusal.data.error.message);
  return status >= 500 ? fail('server_unreachable', `The server answered ${String(status)}`) : fail(`http_${String(status)}`, `The server answered ${String(status)}`);
}
