import { formatCount } from '../ui/format';

/** Done of total as a bar, with the numbers beside it: the bar is decoration, the words carry it. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <span className="progress-cell">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${String(pct)}%` }} />
      </span>
      <span>
        {formatCount(done)} of {formatCount(total)}
      </span>
    </span>
  );
}
