/** Supervisors: one batch's runs × steps matrix, progress and chart. (Being built: issue 6.) */
export function BatchReviewPage({ batchId }: { batchId: string }) {
  return <h2 className="page-pad">Batch {batchId}</h2>;
}
