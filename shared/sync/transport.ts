import type { FeedPoke, PullResponse, PushRequest, PushResponse } from '../protocol/sync';

/**
 * A failed call, sorted by what the worker should do: retry later (`transient`), stop and tell a
 * person (`permanent`), or re-send from an earlier sequence number (`gap`).
 */
export type TransportFailure =
  | { kind: 'transient'; code: string; message: string }
  | { kind: 'permanent'; code: string; message: string }
  | { kind: 'gap'; code: 'sequence_gap'; message: string; resendFrom: number };

export type TransportResult<T> = { ok: true; value: T } | { ok: false; failure: TransportFailure };

/** The server, as the sync worker sees it. Hosts build one over their own network stack. */
export interface SyncTransport {
  push(request: PushRequest): Promise<TransportResult<PushResponse>>;
  pull(since: number, limit: number): Promise<TransportResult<PullResponse>>;
  /** Listens to the server's pokes until the returned function is called; `onClose` when the stream ends or fails. */
  listen(onPoke: (poke: FeedPoke) => void, onClose: (failure: TransportFailure) => void): () => void;
}
