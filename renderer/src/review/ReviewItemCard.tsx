import type { ReviewAction } from '../../../shared/schemas/operation';
import { hrefOf } from '../routing/router';
import { stationCode } from '../store/stationMeta';
import { StatusChip } from '../ui/StatusChip';
import { formatSignedAt } from '../ui/format';
import { decisionWords, operationWords, reviewKindWords, seenWords } from './reviewWords';
import type { QueueItem } from './useReviewQueue';

const decisions: readonly ReviewAction[] = ['applyToRun', 'acceptServer', 'reopen'];

/**
 * One review item: why it is here, who acted where and when, and both sides next to each other
 * (what the technician saw and did; what the server had), with the three decisions.
 */
export function ReviewItemCard({ item, onDecide }: { item: QueueItem; onDecide?: (action: ReviewAction) => void }) {
  const { review, step, pending } = item;
  const { operation: op, serverSide, resolution } = review;
  const titleId = `review-${review.id}`;
  const stepLink = review.stepId === null ? hrefOf({ name: 'run', runId: review.runId }) : hrefOf({ name: 'run', runId: review.runId, stepId: review.stepId });
  const seen = seenWords(op);
  return (
    <article className="review-item" aria-labelledby={titleId} data-review={review.id}>
      <header className="review-item-head">
        <h3 id={titleId}>
          <a href={stepLink}>
            {review.runId}
            {step ? `, step ${step.number} "${step.title}"` : ''}
          </a>
          : {reviewKindWords[review.kind]}
        </h3>
        <p className="muted">
          {review.actorName} on station {stationCode(review.stationId)}, {formatSignedAt(review.at)}
          {review.batchId ? ` · Batch ${review.batchId}` : ''}
        </p>
      </header>
      <p className="review-reason">{review.reason}</p>
      <div className="review-sides">
        <section aria-label="What the technician saw and did">
          <h4>What {review.actorName} saw and did</h4>
          <p>{operationWords(op)}</p>
          {seen && <p className="muted">Saw: {seen}</p>}
          {'reason' in op && <p className="muted">Their reason: {op.reason}</p>}
        </section>
        <section aria-label="What the server had">
          <h4>What the server had</h4>
          {serverSide ? (
            <>
              <p>
                <StatusChip status={serverSide.state} /> at version {serverSide.version}
              </p>
              {serverSide.by && <p className="muted">By {serverSide.by}</p>}
            </>
          ) : (
            <p className="muted">This run has no such step</p>
          )}
          {step && (
            <p className="muted">
              Now on this station: <StatusChip status={step.state} />
            </p>
          )}
        </section>
      </div>
      {resolution ? (
        <p className="review-decision">
          Decided: {decisionWords[resolution.action].button} by {resolution.byName}, {formatSignedAt(resolution.at)}. Reason: {resolution.reason}
          {pending && <span className="pending-tag">Saved on this station</span>}
        </p>
      ) : (
        onDecide && (
          <div className="button-row" role="group" aria-label={`Decide on ${review.runId}`}>
            {decisions.map((action) => (
              <button key={action} type="button" className={`button${action === 'applyToRun' ? ' primary' : ''}`} onClick={() => { onDecide(action); }}>
                {decisionWords[action].button}
              </button>
            ))}
          </div>
        )
      )}
    </article>
  );
}
