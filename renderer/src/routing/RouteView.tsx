import { lazy, Suspense } from 'react';
import { RunPage } from '../run/RunPage';
import { RunsPage } from '../runs/RunsPage';
import { useRoute } from './router';

// The supervisor screens and the print records (with the chart library) load when first opened:
// the runs table, which every station opens first, does not wait for their code.
const BatchesPage = lazy(() => import('../review/BatchesPage').then((m) => ({ default: m.BatchesPage })));
const BatchReviewPage = lazy(() => import('../review/BatchReviewPage').then((m) => ({ default: m.BatchReviewPage })));
const ReviewQueuePage = lazy(() => import('../review/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })));
const PrintPage = lazy(() => import('../print/PrintPage').then((m) => ({ default: m.PrintPage })));

/** The screen the route names, for a signed-in person. */
export function RouteView() {
  return (
    <Suspense fallback={<p className="page-pad">Loading…</p>}>
      <Screen />
    </Suspense>
  );
}

function Screen() {
  const route = useRoute();
  switch (route.name) {
    case 'runs':
      return <RunsPage />;
    case 'run':
      return <RunPage key={`${route.runId}/${route.stepId ?? ''}`} runId={route.runId} stepId={route.stepId} />;
    case 'batches':
      return <BatchesPage />;
    case 'batchReview':
      return <BatchReviewPage key={route.batchId} batchId={route.batchId} />;
    case 'reviewQueue':
      return <ReviewQueuePage />;
    case 'print':
      return <PrintPage key={`${route.target}:${route.id}`} target={route.target} id={route.id} />;
    default:
      return route satisfies never;
  }
}
