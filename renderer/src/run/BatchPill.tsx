import { memo } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { batchLabel, type Batch } from '../../../shared/schemas/batch';
import { navigate } from '../routing/router';
import { useUi } from '../state/uiStore';

/**
 * The run header's batch pill: "Batch {id}" or "Batch {id}: {title}"; it opens **Manage batch**.
 * Memoised: a save in the run view redraws the header in the commit's event, and the pill's menu
 * (built by react-aria even while closed) was a third of that header's render, for a batch the
 * save does not change (0.3–0.7 ms of the click, docs/scale.md, footnote 5).
 */
export const BatchPill = memo(function BatchPill({ batch, runId }: { batch: Batch; runId: string }) {
  const openBatchManager = useUi((s) => s.openBatchManager);
  const setBatchFilter = useUi((s) => s.setBatchFilter);
  return (
    <MenuTrigger>
      <Button className="batch-pill">
        {batchLabel(batch)} <span className="pill-count">· {batch.memberRunIds.length} runs</span>
      </Button>
      <Popover className="popover" placement="bottom start">
        <Menu
          className="menu"
          onAction={(key) => {
            if (key === 'manage') openBatchManager({ runId, batchId: batch.id });
            if (key === 'list') {
              setBatchFilter(`batch:${batch.id}`);
              navigate({ name: 'runs' });
            }
            if (key === 'print') navigate({ name: 'print', target: 'batch', id: batch.id });
          }}
        >
          <MenuItem id="manage" className="option">
            Manage batch
          </MenuItem>
          <MenuItem id="list" className="option">
            Show the batch’s runs in the list
          </MenuItem>
          <MenuItem id="print" className="option">
            Print batch record
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
});
