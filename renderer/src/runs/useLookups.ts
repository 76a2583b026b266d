import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Batch } from '../../../shared/schemas/batch';
import type { ProcedureVersion } from '../../../shared/schemas/procedure';
import { useStation } from '../boot/StationContext';

export interface Lookups {
  procedures: ReadonlyMap<string, ProcedureVersion>;
  batches: ReadonlyMap<string, Batch>;
}

/** Procedures and batches are few (tens, not thousands): read whole and kept live. */
export function useLookups(): Lookups {
  const { db } = useStation();
  const procedures = useLiveQuery(() => db.procedures.toArray(), [db]);
  const batches = useLiveQuery(() => db.batches.toArray(), [db]);
  return useMemo(
    () => ({
      procedures: new Map((procedures ?? []).map((p) => [p.id, p])),
      batches: new Map((batches ?? []).map((b) => [b.id, b])),
    }),
    [procedures, batches],
  );
}

export function procedureLabel(p: Pick<ProcedureVersion, 'name' | 'version'>): string {
  return `${p.name} v${String(p.version)}`;
}
