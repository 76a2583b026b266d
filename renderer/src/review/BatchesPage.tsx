/** Supervisors: the batches on this station, those that need someone first. (Being built: issue 6.) */
export function BatchesPage() {
  return <h2 className="page-pad">Batches</h2>;
}
