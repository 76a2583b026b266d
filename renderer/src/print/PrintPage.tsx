/** A print-ready record of a batch or a run. (Being built: issue 6.) */
export function PrintPage({ target, id }: { target: 'batch' | 'run'; id: string }) {
  return <h2 className="page-pad">{target === 'batch' ? 'Batch' : 'Run'} record {id}</h2>;
}
