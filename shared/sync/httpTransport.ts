import { ErrorBody } from '../protocol/errors';
import { apiPaths } from '../protocol/paths';
import { FeedPoke, PullResponse, PushResponse, type PushRequest } from '../protocol/sync';
import type * as z from 'zod';
import type { SyncTransport, TransportFailure, TransportResult } from './transport';

/** The part of `fetch` the transport uses: the browser's, Node's and Electron's `net.fetch` all fit. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<ResponseLike>;

export interface ResponseLike {
  status: number;
  json(): Promise<unknown>;
  body: { getReader(): StreamReader } | null;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

export interface HttpTransportOptions {
  /** The central server, e.g. http://10.0.0.5:4650 */
  baseUrl: string;
  /** The station's bearer token (read on every call: it may be renewed by enrolling again). */
  token: () => string;
  fetch: FetchLike;
  /**
   * A fresh streaming UTF-8 decoder per event stream, e.g.
   * `() => { const d = new TextDecoder(); return (b) => d.decode(b, { stream: true }); }`
   * (passed in: shared/ sees no platform globals).
   */
  utf8Decoder: () => (bytes: Uint8Array) => string;
}

/** Codes after which retrying cannot help: a person (or an administrator) must act. */
function classify(status: number, body: unknown): TransportFailure {
  const parsed = ErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : `http_${String(status)}`;
  const message = parsed.success ? parsed.data.error.message : `The server answered ${String(status)}`;
  if (parsed.success && parsed.data.error.code === 'sequence_gap' && parsed.data.error.resendFrom !== undefined) {
    return { kind: 'gap', code: 'sequence_gap', message, resendFrom: parsed.data.error.resendFrom };
  }
  if (status >= 500 || status === 429 || status === 408) return { kind: 'transient', code, message };
  return { kind: 'permanent', code, message };
}

const networkFailure = (error: unknown): TransportFailure => ({
  kind: 'transient',
  code: 'network',
  message: `The server cannot be reached (${error instanceof Error ? error.message : String(error)})`,
});

/** The sync transport over HTTP: JSON for push and pull, server-sent events for pokes. */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const headers = (): Record<string, string> => ({ authorization: `Bearer ${options.token()}`, accept: 'application/json' });

  async function call<S extends z.ZodType>(schema: S, path: string, init: { method: string; body?: string }): Promise<TransportResult<z.infer<S>>> {
    let response: ResponseLike;
    try {
      const extra: Record<string, string> = init.body === undefined ? {} : { 'content-type': 'application/json' };
      response = await options.fetch(`${options.baseUrl}${path}`, { ...init, headers: { ...headers(), ...extra } });
    } catch (error) {
      return { ok: false, failure: networkFailure(error) };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.status < 200 || response.status >= 300) return { ok: false, failure: classify(response.status, body) };
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, failure: { kind: 'transient', code: 'bad_response', message: 'The server sent an answer this station cannot read' } };
  }

  return {
    push: (request: PushRequest) => call(PushResponse, apiPaths.push, { method: 'POST', body: JSON.stringify(request) }),
    pull: (since, limit) => call(PullResponse, `${apiPaths.pull}?since=${String(since)}&limit=${String(limit)}`, { method: 'GET' }),
    listen(onPoke, onClose) {
      let reader: StreamReader | null = null;
      let closed = false;
      const finish = (failure: TransportFailure) => {
        if (closed) return;
        closed = true;
        onClose(failure);
      };
      void (async () => {
        try {
          const response = await options.fetch(`${options.baseUrl}${apiPaths.events}`, {
            method: 'GET',
            headers: { ...headers(), accept: 'text/event-stream' },
          });
          if (response.status !== 200 || !response.body) {
            finish(classify(response.status, await response.json().catch(() => null)));
            return;
          }
          reader = response.body.getReader();
          await readEvents(reader, options.utf8Decoder(), (data) => {
            const poke = FeedPoke.safeParse(safeJson(data));
            if (poke.success && !closed) onPoke(poke.data);
          });
          finish({ kind: 'transient', code: 'stream_ended', message: 'The server closed the event stream' });
        } catch (error) {
          finish(networkFailure(error));
        }
      })();
      return () => {
        closed = true;
        void reader?.cancel().catch(() => undefined);
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Reads a text/event-stream, calling `onData` with each event's data (comments and other fields skipped). */
async function readEvents(reader: StreamReader, decode: (bytes: Uint8Array) => string, onData: (data: string) => void): Promise<void> {
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (value) buffer += decode(value);
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data !== '') onData(data);
      end = buffer.indexOf('\n\n');
    }
  }
}
