import { useUi } from '../state/uiStore';
import { selectRunQuery } from '../state/runsViewSlice';
import { plural } from '../ui/format';
import { RunsFilters } from './RunsFilters';
import { RunsGrid } from './RunsGrid';
import { SelectionToolbar } from './SelectionToolbar';
import { useRunIds } from './useRunIds';

export function RunsPage() {
  const query = useUi(selectRunQuery);
  const user = useUi((s) => s.session.user);
  const ids = useRunIds(query);
  const selecting = useUi((s) => s.selection.ids.size > 0);
  return (
    // While runs are selected the floating toolbar sits below the table, not over its last rows.
    <section className={`runs-page${selecting ? ' selecting' : ''}`} aria-labelledby="runs-title">
      <div className="page-title">
        <h2 id="runs-title">Runs</h2>
        <p className="count" role="status">
          {ids === undefined ? 'Loading runs…' : plural(ids.length, 'run')}
        </p>
      </div>
      <RunsFilters />
      {ids !== undefined && <RunsGrid ids={ids} label="Runs" />}
      {ids !== undefined && user && <SelectionToolbar matching={ids} user={user} />}
    </section>
  );
}
