import * as z from 'zod';
import { channels, EnrolInput, SignInInput, type BridgeResult, type SignInResponse, type StationConfig } from '../shared/bridge/contract';
import { ToWorkerSchema } from '../shared/sync/messageSchemas';
import { fail, ok } from './bridgeResult';
import type { EnrolDeps } from './enrolment';
import { enrolStation } from './enrolment';
import { checkExternalUrl } from './externalUrl';
import type { IpcRouter } from './ipcRouter';
import { signInThroughServer } from './signIn';
import type { Log } from './log';
import { toStationConfig, type StationStore } from './stationStore';
import type { SyncHost } from './syncHost';

export interface BridgeHandlerDeps extends EnrolDeps {
  store: StationStore;
  syncHost: SyncHost;
  /** Electron's shell.openExternal. */
  openExternal: (url: string) => Promise<void>;
  log: Log;
}

/** The longest link the renderer may ask to open; checkExternalUrl refuses longer ones anyway. */
const ExternalUrlInput = z.string().max(4096);

/**
 * Main's side of every channel in the bridge contract (shared/bridge/contract.ts). Each payload
 * is parsed by the router before these run; each answer is a BridgeResult.
 */
export function registerBridgeHandlers(router: IpcRouter, deps: BridgeHandlerDeps): void {
  router.handle(channels.stationConfig, z.undefined(), async (): Promise<BridgeResult<StationConfig | null>> => {
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    return ok(loaded.value === null ? null : toStationConfig(loaded.value));
  });

  router.handle(channels.stationEnrol, EnrolInput, async (input): Promise<BridgeResult<StationConfig>> => {
    const enrolled = await enrolStation(input, deps);
    if (!enrolled.ok) return enrolled;
    const saved = await deps.store.save(enrolled.value);
    if (!saved.ok) return saved;
    deps.syncHost.configure({ serverUrl: enrolled.value.serverUrl, token: enrolled.value.token });
    deps.log.info(`Enrolled as station ${enrolled.value.stationId} with ${enrolled.value.serverUrl}`);
    return ok(toStationConfig(enrolled.value));
  });

  router.handle(channels.stationSignIn, SignInInput, async (input): Promise<BridgeResult<SignInResponse>> => {
    const loaded = await deps.store.load();
    if (!loaded.ok) return loaded;
    return signInThroughServer(loaded.value, input, deps.fetch);
  });

  router.handle(channels.shellOpenExternal, ExternalUrlInput, async (raw): Promise<BridgeResult<null>> => {
    // Plain http is allowed to this station's own server (often without TLS on a plant network).
    const loaded = await deps.store.load();
    const httpOrigins = loaded.ok && loaded.value !== null ? [new URL(loaded.value.serverUrl).origin] : [];
    const checked = checkExternalUrl(raw, { httpOrigins });
    if (!checked.ok) {
      deps.log.warn(`Refused to open ${JSON.stringify(raw.slice(0, 200))}: ${checked.reason}`);
      return fail('link_refused', `This link is not opened: ${checked.reason}`);
    }
    try {
      await deps.openExternal(checked.url);
    } catch (error) {
      return fail('open_failed', `The link could not be opened (${error instanceof Error ? error.message : String(error)})`);
    }
    return ok(null);
  });

  router.on(channels.syncPost, ToWorkerSchema, (message) => {
    deps.syncHost.receive(message);
  });
}
