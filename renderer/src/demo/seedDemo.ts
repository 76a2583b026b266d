import type { StationDb } from '../store/db';
import { seedCache } from '../store/seed';
import { buildDemoPlant } from './demoPlant';

/**
 * Fills an empty cache with the demo plant, as if the server had sent it. A cache that holds
 * anything (a real plant, or work in the outbox) is never touched.
 */
export async function seedDemoIfEmpty(db: StationDb): Promise<boolean> {
  const [runs, users, pending] = await Promise.all([db.runs.count(), db.users.count(), db.outbox.count()]);
  if (runs > 0 || users > 0 || pending > 0) return false;
  await seedCache(db, buildDemoPlant().rows);
  return true;
}
