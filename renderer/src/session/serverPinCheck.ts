import type { StationBridge } from '../../../shared/bridge/contract';
import type { StationDb } from '../store/db';
import { pbkdf2PinCheck } from './pbkdf2PinCheck';
import { recordFromSignIn, type PinCheck, type VerifierSource } from './pinVerifier';

/** The verifiers this station was handed at sign-in, from its own database. */
export function dbVerifierSource(db: StationDb): VerifierSource {
  return {
    byBadge: (badgeId) => db.verifiers.where('badgeId').equals(badgeId.trim()).first(),
    byUser: (userId) => db.verifiers.get(userId),
  };
}

/**
 * Sign-in at an enrolled station: through the server while it can be reached (it checks the PIN,
 * throttles guesses and hands back the verifier, which is kept here), and against the kept
 * verifiers only when the server cannot be reached. A refusal by the server is final: a wrong PIN
 * never gets a second chance offline. Confirming a PIN (e-signature, unlocking) is checked here,
 * so it works the same online and off.
 */
export function serverFirstPinCheck(bridge: StationBridge, db: StationDb): PinCheck {
  const local = pbkdf2PinCheck({ verifiers: dbVerifierSource(db), user: (id) => db.users.get(id) });
  return {
    async signIn(badgeId, pin) {
      const answer = await bridge.station.signIn({ badgeId: badgeId.trim(), pin });
      if (answer.ok) {
        await db.transaction('rw', [db.verifiers, db.users, db.meta], async () => {
          await db.verifiers.where('badgeId').equals(answer.value.badgeId).delete();
          await db.verifiers.put(recordFromSignIn(answer.value));
          await db.users.put(answer.value.user);
        });
        return { ok: true, userId: answer.value.user.id };
      }
      if (answer.error.code === 'server_unreachable') return local.signIn(badgeId, pin);
      if (answer.error.code === 'invalid_input') return { ok: false, reason: 'A PIN is 4 to 12 digits' };
      return { ok: false, reason: answer.error.message };
    },
    confirm: local.confirm,
  };
}
