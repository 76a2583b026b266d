import { parseInput } from '../shared/schemas/parse';
import { User } from '../shared/schemas/users';
import { hashPin, newEnrolmentCode, sha256, type PinHashCost } from './identity/secrets';
import type { Store } from './storage/store';

/**
 * What an administrator does on the server's machine before any station exists: add the first
 * people, hand out enrolment codes, deactivate someone who left. These work on the database
 * directly (the server may be running: SQLite serialises the writes), and each change reaches
 * the stations through the feed.
 */

export interface NewUser {
  id: string;
  name: string;
  role: string;
  badgeId: string;
  pin: string;
}

export async function addUser(store: Store, input: NewUser, at: string, cost?: PinHashCost): Promise<User> {
  const parsed = parseInput(User, { id: input.id, name: input.name, role: input.role, active: true });
  if (!parsed.ok) throw new Error(`Not a valid user: ${parsed.message}`);
  if (!/^[0-9]{4,12}$/.test(input.pin)) throw new Error('A PIN is 4 to 12 digits');
  if (!/^\S{1,64}$/.test(input.badgeId)) throw new Error('A badge id is 1 to 64 characters without spaces');
  if (store.identity.user(input.id)) throw new Error(`User ${input.id} already exists`);
  if (store.identity.userWithPin(input.badgeId)) throw new Error(`Badge ${input.badgeId} is already someone else's`);
  const pinHash = await hashPin(input.pin, cost);
  store.transaction(() => {
    store.identity.addUser(parsed.value, input.badgeId, pinHash, at);
  });
  return parsed.value;
}

export function setUserActive(store: Store, id: string, active: boolean, at: string): void {
  if (!store.transaction(() => store.identity.setActive(id, active, at))) throw new Error(`User ${id} does not exist`);
}

/** A code stations enrol with: shown once here, stored only as its hash. */
export function createEnrolmentCode(store: Store, uses: number, validHours: number, now: Date): { code: string; expiresAt: string } {
  if (!Number.isInteger(uses) || uses < 1 || uses > 1000) throw new Error('--uses must be a whole number from 1 to 1000');
  if (!Number.isInteger(validHours) || validHours < 1 || validHours > 24 * 365) throw new Error('--hours must be a whole number from 1 to 8760');
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + validHours * 3_600_000).toISOString();
  store.transaction(() => {
    store.identity.addEnrolmentCode(sha256(code), uses, expiresAt, 'admin-cli', now.toISOString());
  });
  return { code, expiresAt };
}
