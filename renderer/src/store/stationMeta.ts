import type { StationDb } from './db';

/**
 * The station's identity in the cache. Until enrolment (the sync issue) hands out a server id, a
 * station names itself once with a random code, so batch ids it makes offline never collide with
 * another station's.
 */
export async function ensureStationId(db: StationDb, makeCode: () => string = randomStationCode): Promise<string> {
  // Named already (every start but the first): a plain read, not a read-write transaction, which
  // with strict durability waits for the disk even when it writes nothing.
  const named = await db.meta.get('stationId');
  if (typeof named?.value === 'string' && named.value !== '') return named.value;
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('stationId');
    if (typeof row?.value === 'string' && row.value !== '') return row.value;
    const id = makeCode();
    await db.meta.put({ key: 'stationId', value: id });
    return id;
  });
}

/** Letters and digits that cannot be misread on a label: no 0/O, 1/I/L. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomStationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `ST-${[...bytes].map((b) => alphabet[b % alphabet.length] ?? 'X').join('')}`;
}

/** The short code a person reads on the screen and in batch ids: the station id, kept to its last part. */
export function stationCode(stationId: string): string {
  const cleaned = stationId.trim().toUpperCase().replace(/[^A-Z0-9-]/g, '');
  return cleaned.length <= 12 ? cleaned : cleaned.slice(-8);
}
