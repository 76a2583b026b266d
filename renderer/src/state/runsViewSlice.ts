import type { StateCreator } from 'zustand';
import type { RunStatus } from '../../../shared/schemas/run';
import type { BatchFilter, RunQuery, RunSortColumn } from '../store/runQuery';
import type { UiState } from './uiStore';

export type RunColumnId = 'id' | 'title' | 'procedure' | 'unit' | 'status' | 'progress' | 'batch' | 'updated';

export const allRunColumns: readonly RunColumnId[] = ['id', 'title', 'procedure', 'unit', 'status', 'progress', 'batch', 'updated'];

/** What the runs table shows: sort, filters, search and columns. Persisted per station. */
export interface RunsView {
  query: RunQuery;
  hiddenColumns: readonly RunColumnId[];
}

export interface RunsViewSlice {
  runsView: RunsView;
  setSort: (column: RunSortColumn, descending: boolean) => void;
  setStatuses: (statuses: readonly RunStatus[]) => void;
  setProcedures: (ids: readonly string[]) => void;
  setBatchFilter: (filter: BatchFilter) => void;
  setSearch: (search: string) => void;
  setColumnVisible: (column: RunColumnId, visible: boolean) => void;
  resetFilters: () => void;
  loadRunsView: (view: RunsView) => void;
}

export const defaultRunsView: RunsView = {
  query: { sort: 'updated', descending: true, statuses: [], procedureVersionIds: [], batch: 'any', search: '' },
  hiddenColumns: [],
};

export const initialRunsViewState: Pick<RunsViewSlice, 'runsView'> = { runsView: defaultRunsView };

const withQuery = (s: UiState, patch: Partial<RunQuery>) => ({ runsView: { ...s.runsView, query: { ...s.runsView.query, ...patch } } });

export const createRunsViewSlice: StateCreator<UiState, [], [], RunsViewSlice> = (set) => ({
  ...initialRunsViewState,
  setSort: (sort, descending) => { set((s) => withQuery(s, { sort, descending })); },
  setStatuses: (statuses) => { set((s) => withQuery(s, { statuses })); },
  setProcedures: (procedureVersionIds) => { set((s) => withQuery(s, { procedureVersionIds })); },
  setBatchFilter: (batch) => { set((s) => withQuery(s, { batch })); },
  setSearch: (search) => { set((s) => withQuery(s, { search })); },
  setColumnVisible: (column, visible) => { set((s) => ({
      runsView: {
        ...s.runsView,
        hiddenColumns: visible ? s.runsView.hiddenColumns.filter((c) => c !== column) : [...new Set([...s.runsView.hiddenColumns, column])],
      },
    })); },
  resetFilters: () => { set((s) => withQuery(s, { statuses: [], procedureVersionIds: [], batch: 'any', search: '' })); },
  loadRunsView: (runsView) => { set({ runsView }); },
});

export const selectRunQuery = (s: UiState): RunQuery => s.runsView.query;
export const selectHiddenColumns = (s: UiState): readonly RunColumnId[] => s.runsView.hiddenColumns;
