import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/schemas/users';
import { demoVerifiers } from '../../renderer/src/demo/credentials';
import { demoPeople, demoUsers } from '../../renderer/src/demo/users';
import { fromBase64, pbkdf2, sameBytes } from '../../renderer/src/session/pbkdf2';
import { pbkdf2PinCheck } from '../../renderer/src/session/pbkdf2PinCheck';
import { recordFromSignIn, verifierSourceOf } from '../../renderer/src/session/pinVerifier';
import { isIdle } from '../../renderer/src/session/idle';

function check(now: () => number = () => 0, users: readonly User[] = demoUsers) {
  return pbkdf2PinCheck({ verifiers: verifierSourceOf(demoVerifiers), user: (id) => Promise.resolve(users.find((u) => u.id === id)), now });
}

describe('PIN checking', () => {
  it('holds a PBKDF2 verifier for each demo person that matches their PIN and no other', async () => {
    expect(demoVerifiers.map((v) => v.userId)).toEqual(demoPeople.map((p) => p.id));
    for (const person of demoPeople) {
      const verifier = demoVerifiers.find((v) => v.userId === person.id);
      if (!verifier) throw new Error(`no verifier for ${person.id}`);
      expect(verifier.badgeId).toBe(person.badgeId);
      const hash = fromBase64(verifier.hash);
      expect(sameBytes(await pbkdf2(person.pin, verifier.salt, verifier.iterations), hash)).toBe(true);
      expect(sameBytes(await pbkdf2(`${person.pin}0`, verifier.salt, verifier.iterations), hash)).toBe(false);
    }
  });

  it('signs in by badge and PIN, and confirms the PIN of the person signed in', async () => {
    const pins = check();
    expect(await pins.signIn(' 1001 ', '1111')).toEqual({ ok: true, userId: 'u-ana' });
    expect(await pins.signIn('1001', '2222')).toEqual({ ok: false, reason: 'That PIN is not right' });
    expect(await pins.signIn('4242', '1111')).toEqual({ ok: false, reason: 'No one with that badge is known at this station' });
    expect(await pins.confirm('u-chen', '4444')).toEqual({ ok: true, userId: 'u-chen' });
    expect(await pins.confirm('u-chen', '1111')).toMatchObject({ ok: false });
  });

  it('refuses a deactivated person even with the right PIN', async () => {
    expect(await check().signIn('1099', '0000')).toEqual({ ok: false, reason: "Frank Former's account is deactivated" });
  });

  it('stops trying for 30 seconds after five wrong PINs for one person', async () => {
    let now = 1_000;
    const pins = check(() => now);
    for (let i = 0; i < 5; i++) expect(await pins.signIn('1002', '0000')).toMatchObject({ ok: false, reason: 'That PIN is not right' });
    expect(await pins.signIn('1002', '2222')).toEqual({ ok: false, reason: 'Too many wrong PINs: try again in 30 seconds' });
    expect(await pins.signIn('1001', '1111')).toMatchObject({ ok: true });
    now += 30_001;
    expect(await pins.signIn('1002', '2222')).toEqual({ ok: true, userId: 'u-ben' });
  });

  it('counts a session idle from five minutes without activity', () => {
    expect(isIdle(0, 299_999)).toBe(false);
    expect(isIdle(0, 300_000)).toBe(true);
  });
});

describe('verifiers from the server', () => {
  it('checks a PIN against the PBKDF2 verifier a server sign-in returns', async () => {
    const salt = 'c2FsdHNhbHRzYWx0c2FsdA==';
    const hash = Buffer.from(await pbkdf2('4321', salt, 1000, 32)).toString('base64');
    const record = recordFromSignIn({
      user: { id: 'u-x', name: 'Xavier', role: 'technician', active: true },
      badgeId: '7007',
      verifier: { algorithm: 'pbkdf2-sha256', iterations: 1000, keyLength: 32, salt, hash },
    });
    const pins = pbkdf2PinCheck({ verifiers: verifierSourceOf([record]), user: () => Promise.resolve({ id: 'u-x', name: 'Xavier', role: 'technician', active: true }) });
    expect(await pins.signIn('7007', '4321')).toEqual({ ok: true, userId: 'u-x' });
    expect(await pins.confirm('u-x', '1234')).toMatchObject({ ok: false });
  });
});
