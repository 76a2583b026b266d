import type { Outcome } from '../../../shared/schemas/outcome';
import { plural } from '../ui/format';

/**
 * What a change will do before it is confirmed: "Also applies to N runs in batch", each sibling
 * that will be left out and why, or why the change would be refused.
 */
export function PropagationPreview({ outcome, batched }: { outcome: Outcome | null; batched: boolean }) {
  if (outcome === null) return <p className="preview muted">Checking what this will do…</p>;
  if (outcome.status === 'rejected' || outcome.status === 'needs_review') {
    return (
      <p className="preview refused" role="alert">
        This cannot be done now: {outcome.reason}
      </p>
    );
  }
  if (!batched) return outcome.note ? <p className="preview muted">{outcome.note}</p> : null;
  const n = outcome.propagatedTo.length;
  const excluded = outcome.status === 'applied_with_exclusions' ? outcome.excluded : [];
  return (
    <div className="preview batch-preview">
      <p className="preview-head">{n > 0 ? `Also applies to ${plural(n, 'run')} in batch` : 'Applies to this run only'}</p>
      {n > 0 && <p className="muted">{outcome.propagatedTo.map((r) => r.runId).join(', ')}</p>}
      {excluded.length > 0 && (
        <>
          <p className="preview-left-out">Left out ({excluded.length}):</p>
          <ul className="left-out">
            {excluded.map((e) => (
              <li key={`${e.runId}:${e.stepId ?? ''}`}>
                <strong>{e.runId}</strong>: {e.reason}
                {e.review ? ' (a supervisor decides)' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
