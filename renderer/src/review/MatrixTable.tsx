import { hrefOf } from '../routing/router';
import { StatusChip } from '../ui/StatusChip';
import { statusMarks } from '../ui/words';
import type { MatrixCell, MatrixColumn, MatrixRow } from './batchMatrix';
import { cellText } from './cellText';
import { ProgressBar } from './ProgressBar';

/**
 * The runs × steps matrix: a row per run (its status and progress), a column per step; each cell
 * says its state in colour, mark and words and opens that run at that step.
 */
export function MatrixTable({ columns, rows }: { columns: readonly MatrixColumn[]; rows: readonly MatrixRow[] }) {
  return (
    <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Runs and steps of the batch">
      <table className="batch-matrix">
        <caption className="visually-hidden">Each run of the batch (rows) at each step (columns)</caption>
        <thead>
          <tr>
            <th scope="col" className="run-col">
              Run
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.key} className="step-col">
                <span className="step-number">{c.number}</span> <span className="step-title">{c.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.run.id} data-run={row.run.id}>
              <th scope="row" className="run-col">
                <a className="run-link" href={hrefOf({ name: 'run', runId: row.run.id })}>
                  {row.run.id}
                </a>
                <StatusChip status={row.run.status} />
                <ProgressBar done={row.run.stepsDone} total={row.run.stepsTotal} />
              </th>
              {row.cells.map((cell, i) => (
                <MatrixCellView key={columns[i]?.key ?? i} cell={cell} runId={row.run.id} stepNumber={columns[i]?.number ?? ''} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCellView({ cell, runId, stepNumber }: { cell: MatrixCell | null; runId: string; stepNumber: string }) {
  if (cell === null) {
    return (
      <td className="matrix-cell none">
        <span className="cell-word muted">{cellText(null)}</span>
      </td>
    );
  }
  const why = [cell.leftOut, cell.review].filter((t) => t !== null).join('. ');
  const whyId = `why-${cell.stepId}`;
  return (
    <td className={`matrix-cell status-${cell.state}${cell.attention.length > 0 ? ' attention' : ''}`}>
      <a
        className="cell-link"
        href={hrefOf({ name: 'run', runId: cell.runId, stepId: cell.stepId })}
        // The reason is a tooltip for the mouse and the link's description for a screen reader.
        title={why || undefined}
        aria-label={`${runId}, step ${stepNumber}: ${cellText(cell)}`}
        aria-describedby={why ? whyId : undefined}
      >
        <span aria-hidden="true">{statusMarks[cell.state]}</span> <span className="cell-word">{cellText(cell)}</span>
        {why && (
          <span id={whyId} className="visually-hidden">
            {why}
          </span>
        )}
      </a>
    </td>
  );
}
