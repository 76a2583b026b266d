import type { User } from '../../shared/schemas/users';
import type { Db } from './database';
import type { FeedStore } from './feedStore';
import { toUser } from './plantStore';

export interface StationRow {
  id: string;
  name: string;
  tokenExpiresAt: string;
}

/** Users with their badge and PIN hash, enrolled stations with their token hash, enrolment codes. */
export class IdentityStore {
  private readonly insertUser;
  private readonly userByBadge;
  private readonly userById;
  private readonly allUsers;
  private readonly insertStation;
  private readonly stationByToken;
  private readonly stationCount;
  private readonly insertCode;
  private readonly useCode;
  private readonly setActiveOf;

  constructor(
    db: Db,
    private readonly feed: FeedStore,
  ) {
    this.insertUser = db.prepare(
      'INSERT INTO users (id, name, role, active, badge_id, pin_hash, created_at) VALUES (@id, @name, @role, @active, @badgeId, @pinHash, @at)',
    );
    this.userByBadge = db.prepare<[string], { id: string; name: string; role: User['role']; active: number; badge_id: string; pin_hash: string }>(
      'SELECT id, name, role, active, badge_id, pin_hash FROM users WHERE badge_id = ?',
    );
    this.userById = db.prepare<[string], { id: string; name: string; role: User['role']; active: number }>(
      'SELECT id, name, role, active FROM users WHERE id = ?',
    );
    this.allUsers = db.prepare<[], { id: string; name: string; role: User['role']; active: number }>(
      'SELECT id, name, role, active FROM users ORDER BY name, id',
    );
    this.setActiveOf = db.prepare<[number, string]>('UPDATE users SET active = ? WHERE id = ?');
    this.insertStation = db.prepare(
      'INSERT INTO stations (id, name, token_hash, token_expires_at, enrolled_at) VALUES (@id, @name, @tokenHash, @expiresAt, @at)',
    );
    this.stationByToken = db.prepare<[string], { id: string; name: string; token_expires_at: string }>(
      'SELECT id, name, token_expires_at FROM stations WHERE token_hash = ?',
    );
    this.stationCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM stations');
    this.insertCode = db.prepare(
      'INSERT INTO enrolment_codes (code_hash, uses_left, expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.useCode = db.prepare<[string, string]>(
      'UPDATE enrolment_codes SET uses_left = uses_left - 1 WHERE code_hash = ? AND uses_left > 0 AND expires_at > ?',
    );
  }

  /** Stations learn of a person's public profile through the feed; the badge and PIN hash stay here. */
  addUser(user: User, badgeId: string, pinHash: string, at: string): void {
    this.insertUser.run({ ...user, active: user.active ? 1 : 0, badgeId, pinHash, at });
    this.feed.append('user', user.id, 'put', null, at);
  }

  /** Deactivating keeps the person's records and signatures; they can no longer act or sign in. */
  setActive(id: string, active: boolean, at: string): boolean {
    const changed = this.setActiveOf.run(active ? 1 : 0, id).changes > 0;
    if (changed) this.feed.append('user', id, 'put', null, at);
    return changed;
  }

  userWithPin(badgeId: string): { user: User; badgeId: string; pinHash: string } | undefined {
    const row = this.userByBadge.get(badgeId);
    return row ? { user: toUser(row), badgeId: row.badge_id, pinHash: row.pin_hash } : undefined;
  }

  user(id: string): User | undefined {
    const row = this.userById.get(id);
    return row ? toUser(row) : undefined;
  }

  users(): User[] {
    return this.allUsers.all().map(toUser);
  }

  /** Station ids are numbered in enrolment order: the token, not the id, is the secret. */
  nextStationId(): string {
    return `ST-${String((this.stationCount.get()?.n ?? 0) + 1).padStart(3, '0')}`;
  }

  addStation(station: { id: string; name: string; tokenHash: string; expiresAt: string }, at: string): void {
    this.insertStation.run({ ...station, at });
  }

  stationByTokenHash(hash: string): StationRow | undefined {
    const row = this.stationByToken.get(hash);
    return row ? { id: row.id, name: row.name, tokenExpiresAt: row.token_expires_at } : undefined;
  }

  addEnrolmentCode(codeHash: string, uses: number, expiresAt: string, createdBy: string, at: string): void {
    this.insertCode.run(codeHash, uses, expiresAt, createdBy, at);
  }

  /** Uses up one use of a valid, unexpired code; false when there is none. */
  consumeEnrolmentCode(codeHash: string, now: string): boolean {
    return this.useCode.run(codeHash, now).changes === 1;
  }
}
