import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PinVerifier } from '../../shared/protocol/identity';

/** scrypt cost: N=2^15 takes tens of milliseconds per guess. Tests pass a cheaper one. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const defaultScryptCost: ScryptCost = { N: 32768, r: 8, p: 1 };
const keyLength = 32;

function scryptAsync(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above the 32 MiB default: N=2^15, r=8 needs 32 MiB plus a little.
    scrypt(pin, salt, keyLength, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * A PIN is stored as `scrypt$N$r$p$salt$hash`: slow, salted, and carrying its own cost so the
 * cost can rise later without invalidating stored hashes.
 */
export async function hashPin(pin: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export function verifierOf(stored: string): PinVerifier | null {
  const [algorithm, N, r, p, salt, hash] = stored.split('$');
  if (algorithm !== 'scrypt' || !N || !r || !p || !salt || !hash) return null;
  return { algorithm: 'scrypt', N: Number(N), r: Number(r), p: Number(p), keyLength, salt, hash };
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const v = verifierOf(stored);
  if (!v) return false;
  const expected = Buffer.from(v.hash, 'base64url');
  const actual = await scryptAsync(pin, Buffer.from(v.salt, 'base64url'), v);
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
