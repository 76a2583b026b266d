import { Button, Disclosure, DisclosureGroup, DisclosurePanel, Heading, type Key } from 'react-aria-components';
import type { Run } from '../../../shared/schemas/run';
import { plural } from '../ui/format';
import { StatusChip } from '../ui/StatusChip';

interface Props {
  runs: readonly Run[];
  expanded: ReadonlySet<Key>;
  onExpandedChange: (keys: Set<Key>) => void;
  onRemove: (run: Run, andGo: boolean) => void;
  busy: boolean;
}

/** The batch's runs as cards; each opens to show its details and **Remove** / **Remove & go to run**. */
export function BatchRunCards({ runs, expanded, onExpandedChange, onRemove, busy }: Props) {
  if (runs.length === 0) return <p className="muted">No run in this batch matches the search.</p>;
  return (
    <DisclosureGroup className="run-cards" allowsMultipleExpanded expandedKeys={expanded} onExpandedChange={onExpandedChange}>
      {runs.map((run) => (
        <Disclosure key={run.id} id={run.id} className="run-card">
          <Heading level={3} className="run-card-head">
            <Button slot="trigger" className="run-card-trigger">
              <span className="chevron" aria-hidden="true">
                ▸
              </span>
              <span className="run-id">{run.id}</span>
              <span className="ellipsis run-card-title">{run.title}</span>
              <StatusChip status={run.status} />
            </Button>
          </Heading>
          <DisclosurePanel className="run-card-panel">
            <dl className="run-facts compact">
              <div>
                <dt>Unit</dt>
                <dd className="mono">{run.unitSerial}</dd>
              </div>
              <div>
                <dt>Progress</dt>
                <dd>
                  {run.stepsDone} of {plural(run.stepsTotal, 'step')} done
                </dd>
              </div>
            </dl>
            <div className="button-row">
              <Button
                className="button danger"
                isDisabled={busy}
                onPress={() => {
                  onRemove(run, false);
                }}
              >
                Remove
              </Button>
              <Button
                className="button"
                isDisabled={busy}
                onPress={() => {
                  onRemove(run, true);
                }}
              >
                Remove & go to run
              </Button>
            </div>
          </DisclosurePanel>
        </Disclosure>
      ))}
    </DisclosureGroup>
  );
}
