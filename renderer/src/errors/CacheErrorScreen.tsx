import Dexie from 'dexie';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { saveSession } from '../session/sessionPersistence';
import { PendingExportButton, type ExportState } from './PendingExportButton';

interface Props {
  kind: 'newer' | 'corrupt';
  message: string;
  dbName: string;
}

/**
 * Shown instead of the station when its cache cannot be opened. Nothing is deleted on the way:
 * the pending operations can be exported first, and a reset needs that export (or, when the
 * outbox cannot be read at all, an explicit "reset without it").
 */
export function CacheErrorScreen({ kind, message, dbName }: Props) {
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const [acceptLoss, setAcceptLoss] = useState(false);
  const [resetError, setResetError] = useState<string | null>(null);
  const canReset = exported.kind === 'saved' || (exported.kind === 'failed' && acceptLoss);
  const reset = async () => {
    try {
      await Dexie.delete(dbName);
      // The station starts over: whoever was signed in signs in again.
      saveSession(null);
      location.reload();
    } catch (error) {
      setResetError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <main className="error-screen" aria-labelledby="cache-error-title">
      <h2 id="cache-error-title">{kind === 'newer' ? 'This station’s data is from a newer Lockstep' : 'This station’s data cannot be opened'}</h2>
      <p className="error-message">{message}</p>
      <h3>Keep the work not yet sent</h3>
      <p>Operations saved on this station and not yet confirmed by the server are only here. Export them before anything else.</p>
      <PendingExportButton dbName={dbName} onExported={setExported} />
      <h3>{kind === 'newer' ? 'If you cannot install the newer Lockstep' : 'Start this station again'}</h3>
      <p>Resetting deletes this station’s data; it is fetched again from the server when the station next syncs.</p>
      {exported.kind === 'failed' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={acceptLoss}
            onChange={(e) => {
              setAcceptLoss(e.target.checked);
            }}
          />
          I understand the pending operations could not be exported and will be lost
        </label>
      )}
      <Button className="button danger" isDisabled={!canReset} onPress={() => void reset()}>
        Reset this station’s data
      </Button>
      {!canReset && <p className="hint">Export the pending operations first.</p>}
      {resetError && <p role="alert">The reset failed: {resetError}</p>}
    </main>
  );
}
