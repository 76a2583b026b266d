import { useEffect, useState } from 'react';
import { App } from '../App';
import { CacheErrorScreen } from '../errors/CacheErrorScreen';
import { restoreSession } from '../session/restoreSession';
import { loadRunsViewFor, persistRunsViewFor } from '../state/runsViewPersistence';
import { useUi } from '../state/uiStore';
import { firstWindow } from '../store/runIndexLoader';
import { bootStation, stationDbName, type BootResult } from './bootstrap';
import { ConnectScreen } from './ConnectScreen';
import { StationContext } from './StationContext';

let booting: Promise<BootResult> | null = null;
let progressListener: ((text: string, fraction: number | null) => void) | null = null;

/** Boots once per page, even when React mounts twice in development. */
function bootOnce(): Promise<BootResult> {
  booting ??= bootStation(location.search, (text, fraction) => progressListener?.(text, fraction)).then(async (result) => {
    if (result.kind === 'ready') {
      loadRunsViewFor(result.station.stationId);
      persistRunsViewFor(result.station.stationId);
      // The runs table's first rows are read while the session is restored and the app renders.
      void firstWindow(result.station.db, useUi.getState().runsView.query);
      await restoreSession(result.station.db);
      // A one-off seed request is not repeated by a reload.
      if (location.search.includes('seedRuns')) history.replaceState(null, '', location.pathname + location.hash);
    }
    return result;
  });
  return booting;
}

export function Boot() {
  const [result, setResult] = useState<BootResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ text: string; fraction: number | null }>({ text: 'Starting…', fraction: null });

  useEffect(() => {
    progressListener = (text, fraction) => {
      setProgress({ text, fraction });
    };
    bootOnce().then(setResult, (error: unknown) => {
      setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      progressListener = null;
    };
  }, []);

  if (failure !== null) return <CacheErrorScreen kind="corrupt" message={`The station could not start (${failure}).`} dbName={stationDbName} />;
  if (result === null) return <BootScreen text={progress.text} fraction={progress.fraction} />;
  switch (result.kind) {
    case 'connect':
      return <ConnectScreen bridge={result.bridge} defaultServerUrl={result.defaultServerUrl} />;
    case 'newer':
    case 'corrupt':
      return <CacheErrorScreen kind={result.kind} message={result.message} dbName={stationDbName} />;
    case 'ready':
      return (
        <StationContext.Provider value={result.station}>
          <App />
        </StationContext.Provider>
      );
    default:
      return result satisfies never;
  }
}

function BootScreen({ text, fraction }: { text: string; fraction: number | null }) {
  return (
    <main className="boot-screen">
      <h1>Lockstep</h1>
      <p role="status">{text}</p>
      {fraction !== null && <progress max={1} value={fraction} aria-label="Progress" />}
    </main>
  );
}
