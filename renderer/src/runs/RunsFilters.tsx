import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { batchLabel } from '../../../shared/schemas/batch';
import { RunStatus } from '../../../shared/schemas/run';
import { useUi } from '../state/uiStore';
import { statusOrder, type BatchFilter, type RunSortColumn } from '../store/runQuery';
import { MultiSelect, SingleSelect } from '../ui/Selects';
import { statusWords } from '../ui/words';
import { ColumnsMenu } from './ColumnsMenu';
import { columnTitles } from './runColumns';
import { procedureLabel, useLookups } from './useLookups';

const sortOptions: { id: RunSortColumn; label: string }[] = (['updated', 'id', 'title', 'procedure', 'unit', 'status', 'batch'] as const).map((id) => ({
  id,
  label: columnTitles[id],
}));

/** Search, filters and sort above the runs table. Every choice is kept for this station. */
export function RunsFilters() {
  const { procedures, batches } = useLookups();
  const { query, setSearch, setStatuses, setProcedures, setBatchFilter, setSort, resetFilters } = useUi(
    useShallow((s) => ({
      query: s.runsView.query,
      setSearch: s.setSearch,
      setStatuses: s.setStatuses,
      setProcedures: s.setProcedures,
      setBatchFilter: s.setBatchFilter,
      setSort: s.setSort,
      resetFilters: s.resetFilters,
    })),
  );
  const batchOptions = [
    { id: 'any', label: 'Any' },
    { id: 'none', label: 'Not in a batch' },
    { id: 'batched', label: 'In a batch' },
    ...[...batches.values()].sort((a, b) => a.id.localeCompare(b.id)).map((b) => ({ id: `batch:${b.id}`, label: batchLabel(b) })),
  ];
  const filtered = query.search !== '' || query.statuses.length > 0 || query.procedureVersionIds.length > 0 || query.batch !== 'any';
  return (
    <div className="runs-filters">
      <SearchField className="field search" value={query.search} onChange={setSearch}>
        <Label>Search runs</Label>
        <Input className="input" placeholder="Run ID, title or unit serial" />
      </SearchField>
      <MultiSelect
        label="Status"
        options={statusOrder.map((s) => ({ id: s, label: statusWords[s] }))}
        value={query.statuses}
        onChange={(ids) => {
          setStatuses(ids.filter((id): id is RunStatus => RunStatus.safeParse(id).success));
        }}
      />
      <MultiSelect
        label="Procedure"
        options={[...procedures.values()].map((p) => ({ id: p.id, label: procedureLabel(p) }))}
        value={query.procedureVersionIds}
        onChange={setProcedures}
      />
      <SingleSelect
        label="Batch"
        options={batchOptions}
        value={query.batch}
        onChange={(id) => {
          setBatchFilter(id as BatchFilter);
        }}
      />
      <SingleSelect
        label="Sort by"
        options={sortOptions}
        value={query.sort}
        onChange={(id) => {
          setSort(id as RunSortColumn, query.descending);
        }}
      />
      <Button
        className="button"
        aria-label={query.descending ? 'Sort order: descending. Switch to ascending' : 'Sort order: ascending. Switch to descending'}
        onPress={() => {
          setSort(query.sort, !query.descending);
        }}
      >
        {query.descending ? '▼ Descending' : '▲ Ascending'}
      </Button>
      <ColumnsMenu />
      {filtered && (
        <Button className="button" onPress={resetFilters}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
