import { useLiveQuery } from 'dexie-react-hooks';
import { Button } from 'react-aria-components';
import { useStation } from '../boot/StationContext';
import { dismissAttention } from '../store/attention';
import type { OutcomeRow } from '../store/db';
import { stepById } from '../store/runSteps';
import { DialogShell } from '../ui/DialogShell';
import { formatTime } from '../ui/format';
import { kindWord, targetOf, verdictOf } from './describe';

/** Every open notice: what was done here, and what the server decided and why. */
export function AttentionPanel({ rows, onClose }: { rows: readonly OutcomeRow[]; onClose: () => void }) {
  const { db } = useStation();
  return (
    <DialogShell title="Work the server did not accept as sent" onClose={onClose} size="wide" className="attention-panel">
      {rows.length === 0 ? (
        <p>Nothing needs attention.</p>
      ) : (
        <ul className="attention-list" aria-label="Notices">
          {rows.map((row) => (
            <AttentionItem key={row.operationId} row={row} />
          ))}
        </ul>
      )}
      <div className="dialog-footer">
        {rows.length > 1 && (
          <Button className="button" onPress={() => void dismissAttention(db, rows.map((r) => r.operationId))}>
            Dismiss all
          </Button>
        )}
        <Button className="button primary" onPress={onClose} autoFocus>
          Close
        </Button>
      </div>
    </DialogShell>
  );
}

function AttentionItem({ row }: { row: OutcomeRow }) {
  const { db } = useStation();
  const { runId, stepId, batchId } = targetOf(row.op);
  // Names from the cache: the step's title and the actor's name read better than their ids.
  const names = useLiveQuery(
    async () => ({
      step: stepId ? (await stepById(db, stepId))?.title : undefined,
      actor: row.op ? (await db.users.get(row.op.actorId))?.name : undefined,
    }),
    [db, stepId, row.op],
  );
  const verdict = verdictOf(row);
  const what = [kindWord(row.kind), runId, names?.step ? `step “${names.step}”` : stepId, batchId ? `batch ${batchId}` : null].filter(Boolean).join(' · ');
  const labelId = `attention-${row.operationId}`;
  return (
    <li className={`attention-item ${row.outcome.status}`} aria-labelledby={labelId}>
      <p id={labelId} className="attention-what">
        <strong>{what}</strong>
      </p>
      {row.op && (
        <p className="attention-who">
          By {names?.actor ?? row.op.actorId}, {formatTime(row.op.at)}
        </p>
      )}
      {row.op && 'reason' in row.op && <p className="attention-who">Reason given: {row.op.reason}</p>}
      <p className="attention-verdict">{verdict.title}</p>
      <ul className="attention-lines">
        {verdict.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Button className="button small" aria-label={`Dismiss: ${what}`} onPress={() => void dismissAttention(db, [row.operationId])}>
        Dismiss
      </Button>
    </li>
  );
}
