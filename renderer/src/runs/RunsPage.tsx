import { useUi } from '../state/uiStore';
import { selectRunQuery } from '../state/runsViewSlice';
import { plural } from '../ui/format';
import { RunsFilters } from './RunsFilters';
import { RunsGrid } from './RunsGrid';
import { SelectionToolbar } from './SelectionToolbar';
import { useRunList } from './useRunList';

export function RunsPage() {
  const query = useUi(selectRunQuery);
  const user = useUi((s) => s.session.user);
  const list = useRunList(query);
  const selecting = useUi((s) => s.selection.ids.size > 0);
  return (
    // While runs are selected the floating toolbar sits below the table, not over its last rows.
    <section className={`runs-page${selecting ? ' selecting' : ''}`} aria-labelledby="runs-title">
      <div className="page-title">
        <h2 id="runs-title">Runs</h2>
        <p className="count" role="status">
          {list?.total == null ? 'Loading runs…' : plural(list.total, 'run')}
        </p>
      </div>
      <RunsFilters />
      {list !== undefined && <RunsGrid list={list} label="Runs" />}
      {/* "Select all matching" needs every matching id, not only the first rows read. */}
      {list?.complete && user && <SelectionToolbar matching={list.ids} user={user} />}
    </section>
  );
}
