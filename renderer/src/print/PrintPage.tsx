import { useState } from 'react';
import { Button } from 'react-aria-components';
import { batchLabel } from '../../../shared/schemas/batch';
import { useAuthor } from '../actions/useAuthor';
import { stationBridge } from '../host/stationBridge';
import { useUi } from '../state/uiStore';
import { formatWithZone, plural } from '../ui/format';
import { statusWords } from '../ui/words';
import { RunRecordSection } from './RunRecordSection';
import { usePrintRecord, type PrintRecord } from './usePrintRecord';
import './print.css';
import { NotOnStation } from '../ui/NotOnStation';

function Freshness({ record }: { record: PrintRecord }) {
  const synced = record.lastSyncAt ? `Last synced with the server ${formatWithZone(record.lastSyncAt)}` : 'Never synced with a server (this station’s own records)';
  const waiting = record.waiting > 0 ? `; ${plural(record.waiting, 'change')} saved on this station not yet confirmed by the server` : '';
  return (
    <>
      {synced}
      {waiting}.
    </>
  );
}

/** The print and save action: Electron saves a PDF through main; a browser opens its print dialog. */
function PrintButton({ fileName }: { fileName: string }) {
  const bridge = stationBridge();
  const notify = useUi((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    const result = await bridge.print.toPdf({ suggestedName: fileName });
    setBusy(false);
    if (!result.ok) notify({ tone: 'refused', text: result.error.message });
    else if (result.value.savedTo) notify({ tone: 'done', text: `Saved to ${result.value.savedTo}.` });
  };
  return (
    <Button className="button primary" isDisabled={busy} onPress={() => void print()}>
      {bridge.host === 'electron' ? 'Save as PDF' : 'Print / Save as PDF'}
    </Button>
  );
}

/**
 * A print-ready record of a batch or a run: every step, value and signature manifested (name,
 * date and time with zone, meaning, provenance), who printed it, where, and how fresh the cache was.
 */
export function PrintPage({ target, id }: { target: 'batch' | 'run'; id: string }) {
  const record = usePrintRecord(target, id);
  const { user, stationId } = useAuthor();
  const [printedAt] = useState(() => new Date().toISOString());
  const noun = target === 'batch' ? 'Batch' : 'Run';
  if (record === undefined) return <p className="page-pad">Loading the {noun.toLowerCase()} record…</p>;
  if (record === null) return <NotOnStation what={`${noun} ${id}`} back="#/runs" backLabel="Back to the runs" />;
  const back = target === 'run' ? `#/runs/${encodeURIComponent(id)}` : `#/runs/${encodeURIComponent(record.runs[0]?.run.id ?? '')}`;
  const title = target === 'batch' && record.batch ? `Batch record: ${batchLabel(record.batch).replace(/^Batch /, '')}` : `Run record: ${id}`;
  return (
    <article className="print-page" aria-labelledby="print-title">
      <div className="print-actions no-print">
        <a className="button" href={record.runs.length > 0 ? back : '#/runs'}>
          ← Back
        </a>
        <PrintButton fileName={`${noun} record ${id}`} />
      </div>
      <header className="print-head">
        <h1 id="print-title">{title}</h1>
        <p className="print-provenance">
          Printed by <strong>{user.name}</strong> on <time dateTime={printedAt}>{formatWithZone(printedAt)}</time> from station <span className="mono">{stationId}</span>.{' '}
          <Freshness record={record} />
        </p>
        {record.batch && (
          <table className="print-members">
            <caption>Members ({record.runs.length})</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Title</th>
                <th scope="col">Unit serial</th>
                <th scope="col">Procedure</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {record.runs.map(({ run, procedure }) => (
                <tr key={run.id}>
                  <td>{run.id}</td>
                  <td>{run.title}</td>
                  <td className="mono">{run.unitSerial}</td>
                  <td>{procedure ? `${procedure.name} v${String(procedure.version)}` : run.procedureVersionId}</td>
                  <td>{statusWords[run.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </header>
      {record.runs.map((r) => (
        <RunRecordSection key={r.run.id} record={r} />
      ))}
    </article>
  );
}
