import type { StationDb } from '../store/db';
import { seedCache } from '../store/seed';
import { buildDemoPlant } from './demoPlant';

/**
 * Fills an empty cache with the demo plant, as if the server had sent it. A cache that holds
 * anything (a real plant, or work in the outbox) is never touched.
 */
export async function seedDemoIfEmpty(db: StationDb): Promise<boolean> {
  // Whether each table holds anything at all: counting 100,000 runs at every start would be waste.
  const [runs, users, pending] = await Promise.all([db.runs.limit(1).primaryKeys(), db.users.limit(1).primaryKeys(), db.outbox.limit(1).primaryKeys()]);
  if (runs.length > 0 || users.length > 0 || pending.length > 0) return false;
  await seedCache(db, buildDemoPlant().rows);
  return true;
}
