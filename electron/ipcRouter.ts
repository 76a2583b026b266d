import type * as z from 'zod';
import type { BridgeResult } from '../shared/bridge/contract';
import { isAppUrl } from './appOrigin';
import { fail } from './bridgeResult';
import type { Log } from './log';

/** The parts of an IPC event the router reads (Electron's IpcMainEvent / IpcMainInvokeEvent). */
export interface IpcEventLike {
  /** Null when the frame has navigated away or been destroyed since it sent. */
  readonly senderFrame: FrameLike | null;
}

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The parts of Electron's ipcMain the router uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/**
 * The one check every IPC message passes before anything reads it: it comes from a top-level
 * frame (an iframe, even one the CSP let through, gets nothing) showing one of the app's own
 * pages. Anything else is a page that should not exist: refused and logged.
 */
export function trustedSender(event: IpcEventLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export interface IpcRouter {
  /**
   * An invoke channel (ipcRenderer.invoke): the payload is parsed by `schema` before `handler`
   * sees it, and the renderer always gets a BridgeResult, never an exception.
   */
  handle<S extends z.ZodType, T>(
    channel: string,
    schema: S,
    handler: (payload: z.infer<S>) => Promise<BridgeResult<T>> | BridgeResult<T>,
  ): void;
  /** A one-way channel (ipcRenderer.send): no answer, so a refused message is only logged. */
  on<S extends z.ZodType>(channel: string, schema: S, handler: (payload: z.infer<S>) => void): void;
}

/**
 * Wraps ipcMain. Every message has at most one argument (the payload; none for calls without
 * one): extra arguments are refused rather than ignored, so the renderer cannot smuggle data past
 * the schema.
 */
export function createIpcRouter(ipcMain: IpcMainLike, log: Log): IpcRouter {
  function admit<S extends z.ZodType>(
    channel: string,
    schema: S,
    event: IpcEventLike,
    args: unknown[],
  ): { ok: true; payload: z.infer<S> } | { ok: false; error: BridgeResult<never> } {
    if (!trustedSender(event)) {
      log.warn(`Refused a message on ${channel} from ${event.senderFrame ? JSON.stringify(event.senderFrame.url.slice(0, 200)) : 'a frame that is gone'}`);
      return { ok: false, error: fail('forbidden_sender', 'This page may not talk to the station') };
    }
    if (args.length > 1) {
      log.warn(`Refused a message on ${channel}: ${String(args.length)} arguments where at most one is expected`);
      return { ok: false, error: fail('invalid_input', 'The request has unexpected extra arguments') };
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
      log.warn(`Refused a message on ${channel}: ${detail}`);
      return { ok: false, error: fail('invalid_input', detail) };
    }
    return { ok: true, payload: parsed.data };
  }

  return {
    handle(channel, schema, handler) {
      ipcMain.handle(channel, async (event, ...args) => {
        const admitted = admit(channel, schema, event, args);
        if (!admitted.ok) return admitted.error;
        try {
          return await handler(admitted.payload);
        } catch (error) {
          // A handler's own failure: logged in full here, a plain sentence for the renderer.
          log.error(`The handler for ${channel} failed`, error);
          return fail('internal_error', 'The station could not do this; the details are in its log');
        }
      });
    },
    on(channel, schema, handler) {
      ipcMain.on(channel, (event, ...args) => {
        const admitted = admit(channel, schema, event, args);
        if (!admitted.ok) return;
        try {
          handler(admitted.payload);
        } catch (error) {
          log.error(`The handler for ${channel} failed`, error);
        }
      });
    },
  };
}
