import { useLiveQuery } from 'dexie-react-hooks';
import { useStation } from '../boot/StationContext';
import { reviewReasons } from './reviewReasons';

/** How many items wait for a supervisor's decision, as this station knows them. */
export function useOpenReviewCount(): number | undefined {
  const { db } = useStation();
  return useLiveQuery(async () => {
    return reviewReasons(await db.outcomes.toArray()).size;
  }, [db]);
}
