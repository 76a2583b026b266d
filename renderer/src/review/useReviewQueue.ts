import { useLiveQuery } from 'dexie-react-hooks';
import type { Review } from '../../../shared/schemas/review';
import type { RunStep } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import { stepsById } from '../store/runSteps';

export interface QueueItem {
  review: Review;
  /** The step as this station has it now. */
  step: RunStep | undefined;
  /** A decision made here and not yet confirmed by the server. */
  pending: boolean;
}

export interface ReviewQueue {
  open: QueueItem[];
  decided: QueueItem[];
}

/** How many decided items the queue keeps on screen below the open ones. */
const recentDecided = 20;

/** The cached review rows: open ones oldest first (the longest waiting on top), then the latest decided. */
export function useReviewQueue(): ReviewQueue | undefined {
  const { db } = useStation();
  return useLiveQuery(async () => {
    const rows = await db.reviews.toArray();
    const stepIds = rows.flatMap((r) => (r.stepId === null ? [] : [r.stepId]));
    const [steps, shadows] = await Promise.all([stepsById(db, stepIds), db.shadows.bulkGet(rows.map((r) => `review:${r.id}`))]);
    const stepById = new Map(steps.flatMap((s) => (s ? [[s.id, s] as const] : [])));
    const items = rows.map((review, i): QueueItem => ({
      review,
      step: review.stepId === null ? undefined : stepById.get(review.stepId),
      pending: shadows[i] !== undefined,
    }));
    const open = items.filter((i) => i.review.resolution === null).sort((a, b) => a.review.at.localeCompare(b.review.at));
    const decided = items
      .filter((i) => i.review.resolution !== null)
      .sort((a, b) => (b.review.resolution?.at ?? '').localeCompare(a.review.resolution?.at ?? ''))
      .slice(0, recentDecided);
    return { open, decided };
  }, [db]);
}
