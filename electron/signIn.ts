import type { BridgeResult, SignInInput, SignInResponse } from '../shared/bridge/contract';
import { signInWithServer } from '../shared/bridge/serverCalls';
import type { FetchLike } from '../shared/sync/httpTransport';
import type { StoredStation } from './stationStore';

/** Signs a person in through the server with the station token, which never leaves main. */
export function signInThroughServer(station: StoredStation | null, input: SignInInput, fetch: FetchLike): Promise<BridgeResult<SignInResponse>> {
  return signInWithServer(station, input, fetch);
}
