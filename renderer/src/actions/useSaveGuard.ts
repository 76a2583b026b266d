import { useState } from 'react';
import { SaveGuard } from './saveGuard';

/** A dialog's SaveGuard, and whether to show it busy (saveGuard.ts). */
export function useSaveGuard(): { guard: SaveGuard; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const [guard] = useState(() => new SaveGuard(setBusy));
  return { guard, busy };
}
