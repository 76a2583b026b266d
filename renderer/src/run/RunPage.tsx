import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { PartInstalls } from '../abom/PartInstalls';
import { BatchManagerHost } from '../batch/BatchManagerHost';
import { openChildren, unavailableReasons } from './availability';
import { RunHeader } from './RunHeader';
import { StepDetail, defaultStepId } from './StepDetail';
import { StepDialogHost } from './StepDialogHost';
import { StepList } from './StepList';
import { useRunData, type RunData } from './useRunData';
import { NotOnStation } from '../ui/NotOnStation';
import { ViewTabs } from '../ui/ViewTabs';

/** The run page's two views: its steps, and its part installs. */
type RunView = 'steps' | 'parts';

/** The run as shown, for the tab panels (see RunPage). */
const ShownRun = createContext<RunData | null>(null);

function useShownRun(): RunData {
  const data = useContext(ShownRun);
  if (!data) throw new Error('a run panel outside its run page');
  return data;
}

/**
 * A run: its header with the batch pill, its steps and the step in hand, and its part installs.
 * `stepId` (from the address) opens it at that step.
 */
export function RunPage({ runId, stepId }: { runId: string; stepId?: string | undefined }) {
  const { shown: data, read } = useRunData(runId);
  const [picked, setPicked] = useState<string | null>(stepId ?? null);
  const [tab, setTab] = useState<RunView>('steps');
  const showParts = useCallback(() => {
    setTab('parts');
  }, []);
  // The tabs are made again only when the tab or the step picked changes; the panels read the
  // run from ShownRun, so a change to the run (a save drawn in its commit's event) re-renders
  // the panels' content and nothing around it.
  const tabs = useMemo(
    () => (
      <ViewTabs<RunView>
        className="run-tabs"
        label="Run views"
        selected={tab}
        onSelect={setTab}
        views={[
          { id: 'steps', label: 'Steps', panelClassName: 'tab-panel steps-panel', startsWithControl: true, panel: <StepsPanel picked={picked} onPick={setPicked} onShowParts={showParts} /> },
          { id: 'parts', label: 'Part Installs (aBOM)', panelClassName: 'tab-panel', startsWithControl: false, panel: <PartsPanel /> },
        ]}
      />
    ),
    [tab, picked, showParts],
  );
  if (data === undefined) return <p className="page-pad">Loading {runId}…</p>;
  if (data === null) return <NotOnStation what={`Run ${runId}`} back="#/runs" backLabel="Back to the runs" />;
  return (
    <ShownRun.Provider value={data}>
      <section className="run-page" aria-label={`Run ${data.run.id}`}>
        <RunHeader data={data} />
        {tabs}
        <StepDialogHost data={read ?? data} />
        <BatchManagerHost />
      </section>
    </ShownRun.Provider>
  );
}

/** The run's steps and the step in hand: the one picked, else the one the run opens on. */
function StepsPanel({ picked, onPick, onShowParts }: { picked: string | null; onPick: (id: string) => void; onShowParts: () => void }) {
  const data = useShownRun();
  const unavailable = useMemo(() => unavailableReasons(data.run, data.steps), [data]);
  const childrenOpen = useMemo(() => openChildren(data.run, data.steps), [data]);
  const selectedId = picked !== null && data.steps.some((s) => s.id === picked) ? picked : defaultStepId(data.steps, unavailable);
  const step = data.steps.find((s) => s.id === selectedId);
  return (
    <>
      <StepList steps={data.steps} selectedId={selectedId} onSelect={onPick} unavailable={unavailable} pending={data.pendingSteps} />
      {step && (
        <StepDetail
          key={step.id}
          data={data}
          step={step}
          unavailable={unavailable.get(step.id) ?? null}
          childrenOpen={childrenOpen.get(step.id) ?? null}
          onShowParts={onShowParts}
        />
      )}
    </>
  );
}

function PartsPanel() {
  return <PartInstalls data={useShownRun()} />;
}
