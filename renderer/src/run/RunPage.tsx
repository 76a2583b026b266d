import { useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { PartInstalls } from '../abom/PartInstalls';
import { BatchManagerHost } from '../batch/BatchManagerHost';
import { openChildren, unavailableReasons } from './availability';
import { RunHeader } from './RunHeader';
import { StepDetail, defaultStepId } from './StepDetail';
import { StepDialogHost } from './StepDialogHost';
import { StepList } from './StepList';
import { useRunData } from './useRunData';

/**
 * A run: its header with the batch pill, its steps and the step in hand, and its part installs.
 * `stepId` (from the address) opens it at that step.
 */
export function RunPage({ runId, stepId }: { runId: string; stepId?: string | undefined }) {
  const { shown: data, read } = useRunData(runId);
  const [picked, setPicked] = useState<string | null>(stepId ?? null);
  const [tab, setTab] = useState<Key>('steps');
  const unavailable = useMemo(() => (data ? unavailableReasons(data.run, data.steps) : new Map<string, string | null>()), [data]);
  const childrenOpen = useMemo(() => (data ? openChildren(data.run, data.steps) : new Map<string, string | null>()), [data]);
  if (data === undefined) return <p className="page-pad">Loading {runId}…</p>;
  if (data === null) {
    return (
      <section className="page-pad">
        <h2>Run {runId} is not on this station</h2>
        <p>
          <a href="#/runs">Back to the runs</a>
        </p>
      </section>
    );
  }
  const selectedId = picked !== null && data.steps.some((s) => s.id === picked) ? picked : defaultStepId(data.steps, unavailable);
  const step = data.steps.find((s) => s.id === selectedId);
  return (
    <section className="run-page" aria-label={`Run ${data.run.id}`}>
      <RunHeader data={data} />
      <Tabs className="run-tabs" selectedKey={tab} onSelectionChange={setTab}>
        <TabList className="tab-list" aria-label="Run views">
          <Tab id="steps" className="tab">
            Steps
          </Tab>
          <Tab id="parts" className="tab">
            Part Installs (aBOM)
          </Tab>
        </TabList>
        <TabPanel id="steps" className="tab-panel steps-panel">
          <StepList steps={data.steps} selectedId={selectedId} onSelect={setPicked} unavailable={unavailable} pending={data.pendingSteps} />
          {step && (
            <StepDetail
              key={step.id}
              data={data}
              step={step}
              unavailable={unavailable.get(step.id) ?? null}
              childrenOpen={childrenOpen.get(step.id) ?? null}
              onShowParts={() => {
                setTab('parts');
              }}
            />
          )}
        </TabPanel>
        <TabPanel id="parts" className="tab-panel">
          <PartInstalls data={data} />
        </TabPanel>
      </Tabs>
      <StepDialogHost data={read ?? data} />
      <BatchManagerHost />
    </section>
  );
}
