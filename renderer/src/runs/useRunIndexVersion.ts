import { useCallback, useSyncExternalStore } from 'react';
import type { LoadedRunIndex } from '../store/runIndexLoader';

/**
 * The runs index's version, live: -1 until it is filled (while it fills, its changes are not
 * shown: the snapshot stays put until it is ready). Throws the fill's failure, for the screen's
 * error boundary to say.
 */
export function useRunIndexVersion(source: LoadedRunIndex): number {
  const subscribe = useCallback(
    (changed: () => void) => {
      let subscribed = true;
      const off = source.index.subscribe(changed);
      void source.filled.then(() => {
        if (subscribed) changed();
      });
      return () => {
        subscribed = false;
        off();
      };
    },
    [source],
  );
  const version = useSyncExternalStore(subscribe, () => (source.failure() ? -2 : source.loaded() ? source.index.version : -1));
  const failure = source.failure();
  if (failure !== null) throw failure;
  return version;
}
