import type { BridgeResult, EnrolInput } from '../shared/bridge/contract';
import { enrolWithServer, ok } from '../shared/bridge/serverCalls';
import type { FetchLike } from '../shared/sync/httpTransport';
import type { StoredStation } from './stationStore';
import { normalizeServerUrl as normalize } from '../shared/bridge/serverCalls';

/** The server address as the station keeps it (see shared/bridge/serverCalls.ts). */
export const normalizeServerUrl = (raw: string): BridgeResult<string> => normalize(raw, URL);

export interface EnrolDeps {
  /** Electron's net.fetch in main: Chromium's network stack, with the system's proxy settings. */
  fetch: FetchLike;
  now: () => Date;
}

/** Enrols through the shared server call and stamps when, for the settings file. */
export async function enrolStation(input: EnrolInput, deps: EnrolDeps): Promise<BridgeResult<StoredStation>> {
  const enrolled = await enrolWithServer(input, deps.fetch, URL);
  return enrolled.ok ? ok({ ...enrolled.value, enrolledAt: deps.now().toISOString() }) : enrolled;
}
