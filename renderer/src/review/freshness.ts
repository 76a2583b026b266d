import type { SyncStatus } from '../../../shared/sync/messages';

export interface FreshnessInput {
  /** False on a station working on its own demo plant. */
  syncs: boolean;
  status: SyncStatus | null;
  /** When the station last reached the head of the server's feed (ISO time). */
  lastSyncAt: string | null;
  /** Operations saved here and not yet accepted by the server. */
  waiting: number;
}

export type Freshness =
  | { kind: 'demo' }
  | { kind: 'current' }
  | { kind: 'asOf'; at: string | null; offline: boolean };

/**
 * How far what these screens show can be trusted: "Up to date" only when the station is online,
 * has reached the head of the server's feed, has nothing waiting and no error; otherwise the
 * time of the last sync, so a supervisor knows they are reading the station's cache.
 */
export function freshnessOf(input: FreshnessInput): Freshness {
  if (!input.syncs) return { kind: 'demo' };
  const { status } = input;
  const online = status?.online ?? false;
  const at = status?.lastSyncAt ?? input.lastSyncAt;
  if (online && at !== null && status?.lastError === null && input.waiting === 0 && status.phase !== 'pulling') return { kind: 'current' };
  return { kind: 'asOf', at, offline: !online };
}
