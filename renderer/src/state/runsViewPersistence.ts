import { RunStatus } from '../../../shared/schemas/run';
import type { BatchFilter, RunSortColumn } from '../store/runQuery';
import { allRunColumns, defaultRunsView, type RunColumnId, type RunsView } from './runsViewSlice';
import { useUi } from './uiStore';

/** Sort, filters, search and columns are kept per station, so each station opens as it was left. */
const keyFor = (stationId: string) => `lockstep.runsView.${stationId}`;

const sorts: readonly RunSortColumn[] = ['id', 'title', 'procedure', 'unit', 'status', 'batch', 'updated'];

/** Reads a saved view defensively: a hand-edited or older entry falls back field by field. */
export function parseRunsView(raw: unknown): RunsView {
  if (typeof raw !== 'object' || raw === null) return defaultRunsView;
  const r = raw as Record<string, unknown>;
  const q = (typeof r['query'] === 'object' && r['query'] !== null ? r['query'] : {}) as Record<string, unknown>;
  const d = defaultRunsView.query;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const batch = typeof q['batch'] === 'string' && /^(any|none|batched|batch:.+)$/.test(q['batch']) ? (q['batch'] as BatchFilter) : d.batch;
  return {
    query: {
      sort: sorts.find((s) => s === q['sort']) ?? d.sort,
      descending: typeof q['descending'] === 'boolean' ? q['descending'] : d.descending,
      statuses: strings(q['statuses']).filter((s): s is RunStatus => RunStatus.safeParse(s).success),
      procedureVersionIds: strings(q['procedureVersionIds']),
      batch,
      search: typeof q['search'] === 'string' ? q['search'] : d.search,
    },
    hiddenColumns: strings(r['hiddenColumns']).filter((c): c is RunColumnId => allRunColumns.includes(c as RunColumnId)),
  };
}

export function loadRunsViewFor(stationId: string): void {
  try {
    const saved = localStorage.getItem(keyFor(stationId));
    if (saved !== null) useUi.getState().loadRunsView(parseRunsView(JSON.parse(saved)));
  } catch {
    // A damaged entry is ignored: the default view is shown and saved over it.
  }
}

export function persistRunsViewFor(stationId: string): () => void {
  return useUi.subscribe((state, previous) => {
    if (state.runsView !== previous.runsView) localStorage.setItem(keyFor(stationId), JSON.stringify(state.runsView));
  });
}
