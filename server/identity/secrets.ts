import { createHash, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PinVerifier } from '../../shared/protocol/identity';

/**
 * PINs are hashed with PBKDF2-HMAC-SHA256 because a station must check them offline, in the
 * browser or Electron renderer, and WebCrypto has PBKDF2 built in (it has no scrypt). A PIN is a
 * few digits: no hash makes a stolen verifier safe against offline guessing, so the real defences
 * are the sign-in throttle and keeping verifiers only on enrolled stations (docs/sync.md).
 * 600,000 iterations is OWASP's figure for PBKDF2-SHA256; tests pass a cheaper cost.
 */
export interface PinHashCost {
  iterations: number;
}
export const defaultPinHashCost: PinHashCost = { iterations: 600_000 };
const keyLength = 32;

function pbkdf2Async(pin: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    pbkdf2(pin, salt, iterations, keyLength, 'sha256', (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * A PIN is stored as `pbkdf2-sha256$iterations$salt$hash` (standard base64): slow, salted, and
 * carrying its own cost so the cost can rise later without invalidating stored hashes.
 */
export async function hashPin(pin: string, cost: PinHashCost = defaultPinHashCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await pbkdf2Async(pin, salt, cost.iterations);
  return ['pbkdf2-sha256', cost.iterations, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifierOf(stored: string): PinVerifier | null {
  const [algorithm, iterations, salt, hash] = stored.split('$');
  if (algorithm !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return null;
  return { algorithm: 'pbkdf2-sha256', iterations: Number(iterations), keyLength, salt, hash };
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const v = verifierOf(stored);
  if (!v) return false;
  const expected = Buffer.from(v.hash, 'base64');
  const actual = await pbkdf2Async(pin, Buffer.from(v.salt, 'base64'), v.iterations);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Station tokens and enrolment codes are long random strings: a fast hash is enough to store them. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newToken(): string {
  return `lst_${randomBytes(32).toString('base64url')}`;
}

/** An enrolment code a person can type: 4 groups of 4 from an alphabet without look-alikes. */
export function newEnrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length] ?? 'A');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
