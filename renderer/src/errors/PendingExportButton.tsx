import { useState } from 'react';
import { Button } from 'react-aria-components';
import { downloadText } from '../ui/download';
import { pendingExportJson, readPendingOperations } from './pendingExport';

export type ExportState = { kind: 'idle' } | { kind: 'saved'; count: number } | { kind: 'failed'; reason: string };

/** Saves the pending operations as a JSON file, whatever state the cache is in. */
export function PendingExportButton({ dbName, onExported }: { dbName: string; onExported?: (state: ExportState) => void }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const exportNow = async () => {
    const read = await readPendingOperations(dbName);
    const next: ExportState = read.ok ? { kind: 'saved', count: read.entries.length } : { kind: 'failed', reason: read.reason };
    if (read.ok) {
      const stamp = new Date();
      downloadText(`lockstep-pending-${stamp.toISOString().replace(/[:.]/g, '-')}.json`, pendingExportJson(dbName, read.entries, stamp), 'application/json');
    }
    setState(next);
    onExported?.(next);
  };
  return (
    <div className="export-pending">
      <Button className="button primary" onPress={() => void exportNow()}>
        Export pending operations (JSON)
      </Button>
      <p role="status" className="export-result">
        {state.kind === 'saved' && `Saved ${String(state.count)} pending ${state.count === 1 ? 'operation' : 'operations'} to your downloads.`}
        {state.kind === 'failed' && `The pending operations could not be read: ${state.reason}.`}
      </p>
    </div>
  );
}
