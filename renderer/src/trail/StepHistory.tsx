import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { RunStep } from '../../../shared/schemas/run';
import { useStation } from '../boot/StationContext';
import type { RunData } from '../run/useRunData';
import { downloadText } from '../ui/download';
import { formatWithZone } from '../ui/format';
import { meaningWords } from '../ui/words';
import type { TrailLine } from './stepTrail';
import { trailCsv } from './trailCsv';
import { trailEntries } from './stepTrail';
import { readStepTrail, useStepTrail } from './useStepTrail';
import './history.css';

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatWithZone(iso)}</time>;
}

function HistoryLine({ line, ownStation }: { line: TrailLine; ownStation: string }) {
  return (
    <li className="trail-line" data-operation-id={line.operationId}>
      <p className="trail-when">
        <When iso={line.at} /> ·{' '}
        <span className="trail-received">
          {line.receivedAt ? (
            <>
              received by the server <When iso={line.receivedAt} />
            </>
          ) : (
            'not yet received by the server'
          )}
        </span>
      </p>
      <p className="trail-what">{line.what}</p>
      <p className="trail-who">
        <span className="trail-actor">{line.who}</span> · station <span className="trail-station">{line.station}</span>
        {line.station === ownStation ? ' (this station)' : ''}
      </p>
      {line.signature && (
        <p className="trail-signature">
          <span aria-hidden="true">✍</span> Signed by <strong>{line.signature.name}</strong> · {meaningWords[line.signature.meaning]} · <When iso={line.signature.signedAt} />
          {line.signature.values.length > 0 && <span className="trail-signed-values"> · covering {line.signature.values.join('; ')}</span>}
        </p>
      )}
      {line.reason && <p className="trail-reason">Reason: {line.reason}</p>}
      {line.source && <p className="trail-source">{line.source}</p>}
      {line.targets && <p className="trail-targets">{line.targets}</p>}
    </li>
  );
}

/**
 * The step's full trail, oldest first, read-only: nothing here can change it. It opens on demand
 * so the step's work stays on screen, and is read only while open (its count is the step's own
 * entries, already loaded with the run); the CSV holds the same lines, read when asked for.
 */
export function StepHistory({ data, step }: { data: RunData; step: RunStep }) {
  const { db, stationId } = useStation();
  const [open, setOpen] = useState(false);
  const lines = useStepTrail(data, step, open);
  const count = useMemo(() => trailEntries(data.audit, step).length, [data, step]);
  const exportCsv = async () => {
    const all = lines ?? (await readStepTrail(db, data, step));
    downloadText(`trail-${step.runId}-step-${step.number}.csv`, trailCsv(all, { runId: step.runId, number: step.number }), 'text/csv;charset=utf-8');
  };
  return (
    <section className="step-history" aria-labelledby="step-history-title">
      <div className="step-history-head">
        <h4 id="step-history-title">History</h4>
        <Button className="button" aria-expanded={open} aria-controls="step-history-lines" onPress={() => { setOpen(!open); }}>
          {open ? 'Hide history' : `Show history (${String(count)})`}
        </Button>
        <Button className="button" isDisabled={count === 0} onPress={() => { void exportCsv(); }}>
          Export trail (CSV)
        </Button>
      </div>
      {open && (
        <div id="step-history-lines">
          <p className="trail-note">Oldest first. The trail is a record: it cannot be changed from this station or the server.</p>
          {count === 0 ? (
            <p>Nothing has been recorded on this step yet.</p>
          ) : lines === undefined ? (
            <p className="muted">Reading the history…</p>
          ) : (
            <ol className="trail">
              {lines.map((line) => <HistoryLine key={line.id} line={line} ownStation={stationId} />)}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
