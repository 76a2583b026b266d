import { useLiveQuery } from 'dexie-react-hooks';
import { batchLabel } from '../../../shared/schemas/batch';
import { useStation } from '../boot/StationContext';
import { hrefOf } from '../routing/router';
import { formatShort, plural } from '../ui/format';
import { attentionKinds, attentionWords } from './attentionKinds';
import { orderBatches, summarize, type BatchSummary } from './batchSummaries';
import { FreshnessNote } from './FreshnessNote';
import { ProgressBar } from './ProgressBar';
import { RequireReviewer } from './RequireReviewer';
import { readBatchReview } from './useBatchReview';
import './review.css';

/** Supervisors: the batches on this station, those that need someone first. */
export function BatchesPage() {
  return (
    <RequireReviewer what="the batches">
      <Batches />
    </RequireReviewer>
  );
}

function Batches() {
  const { db } = useStation();
  const summaries = useLiveQuery(async () => {
    const ids = await db.batches.toCollection().primaryKeys();
    const reviews = await Promise.all(ids.map((id) => readBatchReview(db, id)));
    return orderBatches(reviews.flatMap((r) => (r ? [summarize(r.batch, r.matrix)] : [])));
  }, [db]);
  return (
    <section className="review-page" aria-labelledby="batches-title">
      <div className="review-head">
        <h2 id="batches-title">Batches</h2>
        <FreshnessNote />
      </div>
      {summaries === undefined ? (
        <p>Loading the batches…</p>
      ) : summaries.length === 0 ? (
        <p>There are no batches on this station.</p>
      ) : (
        <table className="batches-table">
          <caption className="visually-hidden">Batches on this station, those that need someone first</caption>
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Runs</th>
              <th scope="col">Progress (steps)</th>
              <th scope="col">Needs attention</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.batch.id} className={s.needing > 0 ? 'needs' : undefined}>
                <th scope="row">
                  <a className="run-link" href={hrefOf({ name: 'batchReview', batchId: s.batch.id })}>
                    {batchLabel(s.batch)}
                  </a>
                </th>
                <td>{s.runs}</td>
                <td>
                  <ProgressBar done={s.done} total={s.total} />
                </td>
                <td>{attentionText(s)}</td>
                <td className="nowrap">{formatShort(s.batch.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function attentionText(s: BatchSummary): string {
  if (s.needing === 0) return 'Nothing';
  const kinds = attentionKinds.filter((k) => s.byKind[k] > 0).map((k) => `${attentionWords[k].toLowerCase()} ${String(s.byKind[k])}`);
  return `${plural(s.needing, 'run')}: ${kinds.join(', ')}`;
}
