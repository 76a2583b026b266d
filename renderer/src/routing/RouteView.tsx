import { PrintPage } from '../print/PrintPage';
import { BatchesPage } from '../review/BatchesPage';
import { BatchReviewPage } from '../review/BatchReviewPage';
import { ReviewQueuePage } from '../review/ReviewQueuePage';
import { RunPage } from '../run/RunPage';
import { RunsPage } from '../runs/RunsPage';
import { useRoute } from './router';

/** The screen the route names, for a signed-in person. */
export function RouteView() {
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
