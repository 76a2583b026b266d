import type { SignInResponse } from '../../../shared/protocol/identity';

/**
 * PIN checking at the station, behind one small interface so the demo verifiers can be swapped
 * for the ones the server hands out at sign-in (`recordFromSignIn`: the same PBKDF2-SHA256, so a
 * `VerifierSource` over those is all it takes). Only salted slow hashes are ever held, never a PIN.
 */

/** What the station keeps to check one person's PIN offline. */
export interface PinVerifierRecord {
  userId: string;
  badgeId: string;
  iterations: number;
  /** Bytes of the derived key; 32 when not given. */
  keyLength?: number;
  /** Base64. */
  salt: string;
  /** Base64 PBKDF2-SHA256 of the PIN. */
  hash: string;
}

/** The verifier the server returns with a sign-in, kept to check the PIN again offline. */
export function recordFromSignIn(response: SignInResponse): PinVerifierRecord {
  const { verifier } = response;
  return { userId: response.user.id, badgeId: response.badgeId, iterations: verifier.iterations, keyLength: verifier.keyLength, salt: verifier.salt, hash: verifier.hash };
}

export interface VerifierSource {
  byBadge: (badgeId: string) => Promise<PinVerifierRecord | undefined>;
  byUser: (userId: string) => Promise<PinVerifierRecord | undefined>;
}

export type PinResult = { ok: true; userId: string } | { ok: false; reason: string };

export interface PinCheck {
  /** First factor badge, second PIN: who is signing in at this station. */
  signIn: (badgeId: string, pin: string) => Promise<PinResult>;
  /** The PIN again, for an e-signature or to resume after the inactivity lock. */
  confirm: (userId: string, pin: string) => Promise<PinResult>;
}

export function verifierSourceOf(records: readonly PinVerifierRecord[]): VerifierSource {
  const byBadge = new Map(records.map((r) => [r.badgeId, r]));
  const byUser = new Map(records.map((r) => [r.userId, r]));
  return {
    byBadge: (badgeId) => Promise.resolve(byBadge.get(badgeId.trim())),
    byUser: (userId) => Promise.resolve(byUser.get(userId)),
  };
}
