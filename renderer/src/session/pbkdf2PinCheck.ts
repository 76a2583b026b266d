import type { User } from '../../../shared/schemas/users';
import { fromBase64, pbkdf2, sameBytes } from './pbkdf2';
import type { PinCheck, PinResult, PinVerifierRecord, VerifierSource } from './pinVerifier';

const maxFailures = 5;
const lockoutMs = 30_000;

interface Deps {
  verifiers: VerifierSource;
  /** The cached user row: a deactivated person cannot sign in even with the right PIN. */
  user: (userId: string) => Promise<User | undefined>;
  now?: () => number;
}

/**
 * Checks PINs against PBKDF2 verifiers. After five wrong PINs for one person, further tries are
 * refused for 30 seconds, so a badge left at the station cannot be guessed through quickly.
 */
export function pbkdf2PinCheck({ verifiers, user, now = () => Date.now() }: Deps): PinCheck {
  const failures = new Map<string, { count: number; until: number }>();

  async function check(record: PinVerifierRecord | undefined, pin: string, unknown: string): Promise<PinResult> {
    if (!record) return { ok: false, reason: unknown };
    const lock = failures.get(record.userId);
    if (lock && lock.count >= maxFailures && now() < lock.until) {
      return { ok: false, reason: `Too many wrong PINs: try again in ${String(Math.ceil((lock.until - now()) / 1000))} seconds` };
    }
    const person = await user(record.userId);
    if (!person) return { ok: false, reason: unknown };
    const good = sameBytes(await pbkdf2(pin, record.salt, record.iterations, record.keyLength), fromBase64(record.hash));
    if (!good) {
      const count = (lock && now() < lock.until ? lock.count : 0) + 1;
      failures.set(record.userId, { count, until: now() + lockoutMs });
      return { ok: false, reason: 'That PIN is not right' };
    }
    failures.delete(record.userId);
    if (!person.active) return { ok: false, reason: `${person.name}'s account is deactivated` };
    return { ok: true, userId: person.id };
  }

  return {
    signIn: async (badgeId, pin) => check(await verifiers.byBadge(badgeId), pin, 'No one with that badge is known at this station'),
    confirm: async (userId, pin) => check(await verifiers.byUser(userId), pin, 'No PIN is known for this person at this station'),
  };
}
