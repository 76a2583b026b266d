import { useState } from 'react';
import type { ReviewAction } from '../../../shared/schemas/operation';
import type { Review } from '../../../shared/schemas/review';
import { plural } from '../ui/format';
import { FreshnessNote } from './FreshnessNote';
import { RequireReviewer } from './RequireReviewer';
import { ResolveDialog } from './ResolveDialog';
import { ReviewItemCard } from './ReviewItemCard';
import { useReviewQueue } from './useReviewQueue';
import './review.css';

/** Supervisors: every operation waiting for a decision, from any station, and the latest decided. */
export function ReviewQueuePage() {
  return (
    <RequireReviewer what="the review queue">
      <ReviewQueue />
    </RequireReviewer>
  );
}

function ReviewQueue() {
  const queue = useReviewQueue();
  const [deciding, setDeciding] = useState<{ review: Review; action: ReviewAction } | null>(null);
  return (
    <section className="review-page" aria-labelledby="queue-title">
      <div className="review-head">
        <h2 id="queue-title">Review queue</h2>
        {queue && <p className="count">{plural(queue.open.length, 'open item')}</p>}
        <FreshnessNote />
      </div>
      {queue === undefined ? (
        <p>Loading the review queue…</p>
      ) : queue.open.length === 0 ? (
        <p className="queue-empty">Nothing waits for a decision.</p>
      ) : (
        <div className="review-list">
          {queue.open.map((item) => (
            <ReviewItemCard key={item.review.id} item={item} onDecide={(action) => { setDeciding({ review: item.review, action }); }} />
          ))}
        </div>
      )}
      {queue && queue.decided.length > 0 && (
        <>
          <h3>Decided</h3>
          <div className="review-list decided">
            {queue.decided.map((item) => (
              <ReviewItemCard key={item.review.id} item={item} />
            ))}
          </div>
        </>
      )}
      {deciding && (
        <ResolveDialog
          review={deciding.review}
          action={deciding.action}
          onClose={() => {
            setDeciding(null);
          }}
        />
      )}
    </section>
  );
}
