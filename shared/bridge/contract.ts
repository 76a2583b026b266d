import * as z from 'zod';
import { SignInRequest, type SignInResponse } from '../protocol/identity';
import type { FromWorker, SyncStatus, ToWorker } from '../sync/messages';

/**
 * The one typed bridge the station renderer sees as `window.station`. Electron's preload
 * implements it over IPC (the preload object `satisfies` StationBridge); in a plain browser the
 * renderer's own host implements it with a Web Worker. The renderer cannot tell which it has.
 * Verbs are grouped by feature; nothing here exposes IPC itself.
 */
export interface StationBridge {
  /** Which host runs the station: shown in the about box and used for printing. */
  readonly host: 'electron' | 'browser';
  sync: {
    /** Sends a message to the sync worker. */
    post(message: ToWorker): void;
    /** Listens to the sync worker; returns an unsubscribe function. */
    onMessage(listener: (message: FromWorker) => void): () => void;
  };
  station: {
    /** The server this station syncs with, and its identity; null before enrolment. */
    config(): Promise<StationConfig | null>;
    /** Enrols this station with a server using a code an administrator handed out. */
    enrol(request: EnrolInput): Promise<BridgeResult<StationConfig>>;
    /**
     * Signs a person in through the server (badge + PIN). On success the renderer keeps the
     * returned PIN verifier so the same person can sign in here while offline. A refusal carries
     * the server's code (`bad_credentials`, `too_many_attempts`, …); `server_unreachable` means
     * the renderer may fall back to the verifiers it holds.
     */
    signIn(request: SignInInput): Promise<BridgeResult<SignInResponse>>;
  };
  shell: {
    /** Opens an http(s) or mailto link in the system browser, after checking it. */
    openExternal(url: string): Promise<BridgeResult<null>>;
  };
  print: {
    /**
     * Prints the page on screen (a print view) to PDF: in Electron, main renders it with
     * printToPDF and asks where to save it; in a browser, the browser's print dialog opens (its
     * "Save as PDF" destination does the same). `savedTo` is the file written, null when the
     * person cancelled or the browser's dialog took over.
     */
    toPdf(request: PrintRequest): Promise<BridgeResult<{ savedTo: string | null }>>;
  };
}

/** A file name the save dialog proposes: no folders, nothing a file system would refuse. */
export const PrintRequest = z.object({
  suggestedName: z
    .string()
    .trim()
    .min(1, 'the file needs a name')
    .max(120)
    .regex(/^[\w .,()-]+$/, 'the file name may hold letters, digits, spaces and . , ( ) - _ only'),
});
export type PrintRequest = z.infer<typeof PrintRequest>;

export const StationConfig = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  stationId: z.string().min(1),
  stationName: z.string().min(1),
});
export type StationConfig = z.infer<typeof StationConfig>;

export const EnrolInput = z.object({
  serverUrl: z.url({ protocol: /^https?$/, error: 'the server address must start with http:// or https://' }),
  code: z.string().trim().min(1, 'the enrolment code is required').max(200),
  name: z.string().trim().min(1, 'the station needs a name').max(120),
});
export type EnrolInput = z.infer<typeof EnrolInput>;

export const SignInInput = SignInRequest;
export type SignInInput = SignInRequest;

/** Across a process boundary nothing throws: every call answers with a result. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export { channels } from './channels';
export type { FromWorker, SignInResponse, SyncStatus, ToWorker };
