import { useLiveQuery } from 'dexie-react-hooks';
import { useStation } from '../boot/StationContext';

/** How many review items wait for a supervisor's decision, as this station has them cached. */
export function useOpenReviewCount(): number | undefined {
  const { db } = useStation();
  // Review rows are few (decisions, not work): counting them with a scan is cheap.
  return useLiveQuery(() => db.reviews.filter((r) => r.resolution === null).count(), [db]);
}
