import { createContext, useContext } from 'react';
import type { StationConfig } from '../../../shared/bridge/contract';
import type { PinCheck } from '../session/pinVerifier';
import type { StationDb } from '../store/db';

/** What every screen of a booted station works with. */
export interface Station {
  db: StationDb;
  stationId: string;
  pinCheck: PinCheck;
  /** The server this station syncs with; absent on the demo plant. */
  server?: StationConfig;
}

export const StationContext = createContext<Station | null>(null);

export function useStation(): Station {
  const station = useContext(StationContext);
  if (!station) throw new Error('useStation outside a booted station');
  return station;
}
