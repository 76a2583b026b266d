import type { RunStatus } from '../../../shared/schemas/run';
import { statusMarks, statusWords } from './words';

/** A run status or step state: colour, mark and word together. */
export function StatusChip({ status }: { status: RunStatus }) {
  return (
    <span className={`chip status-${status}`}>
      <span aria-hidden="true">{statusMarks[status]}</span> {statusWords[status]}
    </span>
  );
}
