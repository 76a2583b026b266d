import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { BridgeResult, StationConfig } from '../shared/bridge/contract';
import { fail, ok } from './bridgeResult';
import type { Log } from './log';

/**
 * The station's identity and credentials, kept in one JSON file in Electron's user data folder
 * (app.getPath('userData')/station.json; the folder is passed in). The token is the station's
 * key to the server: it is encrypted with Electron's safeStorage (the OS key store: DPAPI on
 * Windows, the Secret Service or KWallet on Linux) whenever that is available. When it is not,
 * the station still works and stores the token in plain text (readable only by this OS user: the
 * file is created with mode 0600), says so in its log, and marks the file so: refusing to store it
 * would leave a station with no key store unable to sync at all, and the token can be revoked on
 * the server. The renderer never sees the token.
 */

/** The parts of Electron's safeStorage the store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux: 'basic_text' means a key built into Chromium, i.e. obfuscation, not protection. */
  getSelectedStorageBackend?(): string;
}

export interface StoredStation {
  /** Normalised: scheme, host, port and path, no trailing slash (see enrolment.ts). */
  serverUrl: string;
  stationId: string;
  stationName: string;
  token: string;
  tokenExpiresAt: string;
  /** The server's first sequence number for this station, as it said on enrolment. */
  nextSeq: number;
  enrolledAt: string;
}

/** How the token is kept on disk, for the log and the docs. */
export type TokenProtection = { kind: 'encrypted' } | { kind: 'weak' | 'plaintext'; reason: string };

const StationFile = z.object({
  format: z.literal(1),
  serverUrl: z.url({ protocol: /^https?$/ }),
  stationId: z.string().min(1),
  stationName: z.string().min(1),
  tokenExpiresAt: z.string(),
  nextSeq: z.number().int().positive(),
  enrolledAt: z.string(),
  token: z.discriminatedUnion('protection', [
    z.object({ protection: z.literal('safeStorage'), data: z.base64() }),
    z.object({ protection: z.literal('plaintext'), value: z.string().min(1), note: z.string().optional() }),
  ]),
});
type StationFile = z.infer<typeof StationFile>;

export const stationFileName = 'station.json';

export interface StationStore {
  /** Where the file lives, for messages and the docs. */
  readonly file: string;
  /** The enrolled station, null before enrolment, or why the file cannot be used. */
  load(): Promise<BridgeResult<StoredStation | null>>;
  /** Replaces the file (atomically: a crash leaves the old one or the new one, never half). */
  save(station: StoredStation): Promise<BridgeResult<TokenProtection>>;
}

export interface StationStoreDeps {
  /** Electron's user data folder. */
  dir: string;
  safeStorage: SafeStorageLike;
  log: Log;
}

export function tokenProtection(safeStorage: SafeStorageLike): TokenProtection {
  if (!safeStorage.isEncryptionAvailable()) {
    return { kind: 'plaintext', reason: 'this computer offers no key store to encrypt it with' };
  }
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return { kind: 'weak', reason: 'no Secret Service or KWallet is running, so it is encrypted with a key built into Electron' };
  }
  return { kind: 'encrypted' };
}

export function createStationStore(deps: StationStoreDeps): StationStore {
  const file = path.join(deps.dir, stationFileName);
  const damaged = (detail: string) =>
    fail('config_corrupt', `The station settings in ${file} cannot be used (${detail}). Enrol the station again to replace them.`);

  return {
    file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isMissing(error)) return ok(null);
        return fail('config_unreadable', `The station settings in ${file} cannot be read (${messageOf(error)}).`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return damaged('it is not valid JSON');
      }
      const parsed = StationFile.safeParse(json);
      if (!parsed.success) return damaged(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
      const token = readToken(parsed.data.token, deps.safeStorage);
      if (!token.ok) return fail('token_unreadable', `${token.error.message} Enrol the station again to get a new token.`);
      const { serverUrl, stationId, stationName, tokenExpiresAt, nextSeq, enrolledAt } = parsed.data;
      return ok({ serverUrl, stationId, stationName, token: token.value, tokenExpiresAt, nextSeq, enrolledAt });
    },
    async save(station) {
      const protection = tokenProtection(deps.safeStorage);
      const content: StationFile = {
        format: 1,
        serverUrl: station.serverUrl,
        stationId: station.stationId,
        stationName: station.stationName,
        tokenExpiresAt: station.tokenExpiresAt,
        nextSeq: station.nextSeq,
        enrolledAt: station.enrolledAt,
        token:
          protection.kind === 'plaintext'
            ? { protection: 'plaintext', value: station.token, note: `Not encrypted: ${protection.reason}.` }
            : { protection: 'safeStorage', data: deps.safeStorage.encryptString(station.token).toString('base64') },
      };
      try {
        await mkdir(deps.dir, { recursive: true });
        const temporary = `${file}.${String(process.pid)}.tmp`;
        await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        return fail('config_unwritable', `The station settings cannot be saved to ${file} (${messageOf(error)}).`);
      }
      if (protection.kind !== 'encrypted') deps.log.warn(`The station token in ${file} is not protected by the OS: ${protection.reason}.`);
      return ok(protection);
    },
  };
}

function readToken(stored: StationFile['token'], safeStorage: SafeStorageLike): BridgeResult<string> {
  if (stored.protection === 'plaintext') return ok(stored.value);
  if (!safeStorage.isEncryptionAvailable()) {
    return fail('token_unreadable', 'The station token was encrypted with this computer’s key store, which is not available now.');
  }
  try {
    return ok(safeStorage.decryptString(Buffer.from(stored.data, 'base64')));
  } catch (error) {
    return fail('token_unreadable', `The station token cannot be decrypted (${messageOf(error)}): the key store may have changed.`);
  }
}

/** What the renderer may know about the station: never the token. */
export function toStationConfig(station: StoredStation): StationConfig {
  return { serverUrl: station.serverUrl, stationId: station.stationId, stationName: station.stationName };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
