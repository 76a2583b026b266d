import type { RunStatus } from '../../../shared/schemas/run';
import { statusMarks, statusWords } from './words';

/** The chip's classes: its colour. The runs grid writes the same chip without React (runs/runCells.ts). */
export const chipClass = (status: RunStatus) => `chip status-${status}`;

/** A run status or step state: colour, mark and word together. */
export function StatusChip({ status }: { status: RunStatus }) {
  return (
    <span className={chipClass(status)}>
      <span aria-hidden="true">{statusMarks[status]}</span> {statusWords[status]}
    </span>
  );
}
