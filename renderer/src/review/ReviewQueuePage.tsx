/** Supervisors: every operation waiting for a decision. (Being built: issue 6.) */
export function ReviewQueuePage() {
  return <h2 className="page-pad">Review queue</h2>;
}
