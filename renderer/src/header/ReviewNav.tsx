import { hasPermission } from '../../../shared/domain/permissions';
import { hrefOf, useRoute } from '../routing/router';
import { useOpenReviewCount } from '../review/useOpenReviewCount';
import { useUi } from '../state/uiStore';
import '../review/review.css';
import { formatCount } from '../ui/format';

/** The supervisor screens, for those allowed to see them; the queue says how many items are open. */
export function ReviewNav() {
  const user = useUi((s) => s.session.user);
  const route = useRoute();
  const open = useOpenReviewCount();
  if (!user || !hasPermission(user, 'ViewReviewQueue')) return null;
  const onBatches = route.name === 'batches' || route.name === 'batchReview';
  const onQueue = route.name === 'reviewQueue';
  return (
    <nav className="review-nav" aria-label="Supervisor">
      <a href={hrefOf({ name: 'batches' })} aria-current={onBatches ? 'page' : undefined}>
        Batches
      </a>
      <a href={hrefOf({ name: 'reviewQueue' })} aria-current={onQueue ? 'page' : undefined}>
        Review
        {open !== undefined && (
          <span className="open-count">
            {formatCount(open)}
            <span className="visually-hidden"> open</span>
          </span>
        )}
      </a>
    </nav>
  );
}
