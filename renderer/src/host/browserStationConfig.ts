import * as z from 'zod';
import { StationConfig } from '../../../shared/bridge/contract';

/**
 * Where the browser host keeps the station's identity: localStorage, scoped to the station's
 * database name. Unlike Electron's safeStorage this is not encrypted at rest: anyone with access
 * to the browser profile can read the token (docs/sync.md says so). The desktop app is the
 * deployment for the shop floor; the browser host is for trying Lockstep and for the tests.
 */
const Stored = StationConfig.extend({ token: z.string().min(1) });
export type StoredStation = z.infer<typeof Stored>;

const key = (dbName: string) => `lockstep.station.${dbName}`;

export function readStation(storage: Pick<Storage, 'getItem'>, dbName: string): StoredStation | null {
  const raw = storage.getItem(key(dbName));
  if (raw === null) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeStation(storage: Pick<Storage, 'setItem'>, dbName: string, station: StoredStation): void {
  storage.setItem(key(dbName), JSON.stringify(station));
}
