import type { RunStep } from '../../../shared/schemas/run';
import { StatusChip } from '../ui/StatusChip';
import { pendingMarkWords } from '../ui/words';

interface Props {
  steps: readonly RunStep[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  unavailable: ReadonlyMap<string, string | null>;
  pending: ReadonlySet<string>;
}

/** The run's steps in procedure order, children indented under their section. */
export function StepList({ steps, selectedId, onSelect, unavailable, pending }: Props) {
  return (
    <nav className="step-list" aria-label="Steps">
      <ol>
        {steps.map((s) => {
          const why = unavailable.get(s.id) ?? null;
          return (
            <li key={s.id} className={s.parentOriginStepId === null ? 'top' : 'child'}>
              <button
                type="button"
                className={`step-item state-${s.state}${s.id === selectedId ? ' selected' : ''}`}
                aria-current={s.id === selectedId ? 'step' : undefined}
                onClick={() => {
                  onSelect(s.id);
                }}
              >
                <span className="step-number">{s.number}</span>
                <span className="step-main">
                  <span className="step-title">{s.title}</span>
                  <span className="step-sub">
                    <StatusChip status={s.state} />
                    {s.state === 'todo' && <span className={why ? 'avail-no' : 'avail-yes'}>{why ? 'Waiting' : 'Available'}</span>}
                    {pending.has(s.id) && (
                      <span className="pending-mark" role="img" aria-label={pendingMarkWords}>
                        ⟳
                      </span>
                    )}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
