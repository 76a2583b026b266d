import type { Transaction } from 'dexie';

/**
 * Data migrations by the schema version they lead to. Version 1 is the first: nothing to move.
 * Keep each upgrade here, small and tested, when a version needs to rewrite rows.
 */
export const upgrades: Partial<Record<number, (tx: Transaction) => Promise<void>>> = {};
