import { useMemo, useState } from 'react';
import { batchLabel } from '../../../shared/schemas/batch';
import { hrefOf } from '../routing/router';
import type { AttentionKind } from './attentionKinds';
import { AttentionFilters } from './AttentionFilters';
import { countByKind, filterRows } from './batchMatrix';
import { CsvExportButton } from './CsvExportButton';
import { FreshnessNote } from './FreshnessNote';
import { matrixCsvRows, toCsv } from './matrixCsv';
import { MatrixTable } from './MatrixTable';
import { ProgressBar } from './ProgressBar';
import { ProgressChart } from './ProgressChart';
import { hourlyProgress } from './progressBuckets';
import { RequireReviewer } from './RequireReviewer';
import { useBatchReview } from './useBatchReview';
import './review.css';
import { NotOnStation } from '../ui/NotOnStation';

/** Supervisors: one batch's runs × steps matrix, its progress, its chart and its CSV. */
export function BatchReviewPage({ batchId }: { batchId: string }) {
  return (
    <RequireReviewer what="the batch review">
      <BatchReview batchId={batchId} />
    </RequireReviewer>
  );
}

function BatchReview({ batchId }: { batchId: string }) {
  const data = useBatchReview(batchId);
  const [chosen, setChosen] = useState<ReadonlySet<AttentionKind>>(new Set());
  const progress = useMemo(() => hourlyProgress(data?.steps ?? []), [data]);
  if (data === undefined) return <p className="page-pad">Loading batch {batchId}…</p>;
  if (data === null) return <NotOnStation what={`Batch ${batchId}`} back="#/batches" backLabel="Back to the batches" />;
  const { batch, matrix } = data;
  const rows = filterRows(matrix.rows, chosen);
  return (
    <section className="review-page" aria-labelledby="batch-review-title">
      <p className="crumbs">
        <a href="#/batches">Batches</a>
      </p>
      <div className="review-head">
        <h2 id="batch-review-title">{batchLabel(batch)}</h2>
        <FreshnessNote />
      </div>
      <div className="review-summary">
        <p>
          <strong>Batch progress:</strong> <ProgressBar done={matrix.done} total={matrix.total} /> steps, across {matrix.rows.length} runs
        </p>
        <CsvExportButton fileName={`batch-${batch.id}.csv`} csv={() => toCsv(matrixCsvRows(matrix, rows))} />
        <a className="button" href={hrefOf({ name: 'print', target: 'batch', id: batch.id })}>
          Print batch record
        </a>
      </div>
      <AttentionFilters counts={countByKind(matrix.rows)} chosen={chosen} onChange={setChosen} />
      <p className="muted" role="status">
        {rows.length === matrix.rows.length ? `All ${String(rows.length)} runs` : `${String(rows.length)} of ${String(matrix.rows.length)} runs`}
      </p>
      <MatrixTable columns={matrix.columns} rows={rows} />
      <h3>Progress over time</h3>
      <ProgressChart progress={progress} />
    </section>
  );
}
