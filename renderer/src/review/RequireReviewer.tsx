import type { ReactNode } from 'react';
import { hasPermission } from '../../../shared/domain/permissions';
import { useUi } from '../state/uiStore';

/**
 * The supervisor screens show nothing to a person without the ViewReviewQueue permission: a
 * refusal that says why and where to go instead, not an empty page.
 */
export function RequireReviewer({ what, children }: { what: string; children: ReactNode }) {
  const user = useUi((s) => s.session.user);
  if (user && hasPermission(user, 'ViewReviewQueue')) return <>{children}</>;
  return (
    <section className="page-pad refusal" aria-labelledby="refusal-title">
      <h2 id="refusal-title">Only supervisors can open {what}</h2>
      <p>
        {user ? `${user.name} does not have the permission to review batches and operations.` : 'Sign in first.'} Ask a supervisor if
        something needs a decision.
      </p>
      <p>
        <a href="#/runs">Back to the runs</a>
      </p>
    </section>
  );
}
