import type { Transaction } from 'dexie';
import { markAttention } from './attention';
import type { OutcomeRow } from './db';

/**
 * Data migrations by the schema version they lead to. Version 1 is the first: nothing to move.
 * Keep each upgrade here, small and tested, when a version needs to rewrite rows.
 */
export const upgrades: Partial<Record<number, (tx: Transaction) => Promise<void>>> = {
  // Outcomes gain the `attention` mark their new index lists open notices by.
  4: async (tx) => {
    const outcomes = tx.table<OutcomeRow, string>('outcomes');
    const rows = await outcomes.toArray();
    const marked = rows.map(markAttention).filter((row) => row.attention === 1);
    if (marked.length > 0) await outcomes.bulkPut(marked);
  },
};
