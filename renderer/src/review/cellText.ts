import { statusWords } from '../ui/words';
import type { MatrixCell } from './batchMatrix';

/** A cell in words: the same text on screen and in the CSV export, so the two can be compared. */
export function cellText(cell: MatrixCell | null): string {
  if (cell === null) return 'No such step';
  const parts = [statusWords[cell.state]];
  if (cell.leftOut !== null) parts.push('Left out');
  if (cell.review !== null) parts.push('Needs review');
  return parts.join(' · ');
}
