/**
 * Slows PIN guessing at the server: after `maxFailures` wrong PINs for one badge, that badge is
 * refused for `lockMs`. In memory: a restart forgets, which only gives a guesser a few more tries.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 5 * 60_000,
  ) {}

  lockedFor(badgeId: string, now: number): number {
    const entry = this.failures.get(badgeId);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  failed(badgeId: string, now: number): void {
    const entry = this.failures.get(badgeId) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= this.maxFailures) {
      entry.lockedUntil = now + this.lockMs;
      entry.count = 0;
    }
    this.failures.set(badgeId, entry);
  }

  succeeded(badgeId: string): void {
    this.failures.delete(badgeId);
  }
}
