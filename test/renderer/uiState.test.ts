import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRunsView } from '../../renderer/src/state/runsViewSlice';
import { parseRunsView } from '../../renderer/src/state/runsViewPersistence';
import { resetUi, useUi } from '../../renderer/src/state/uiStore';

beforeEach(() => {
  resetUi();
});

describe('the station UI state', () => {
  it('starts from each slice’s initial state and resets to it', () => {
    const s = useUi.getState();
    s.signIn({ id: 'u-ana', name: 'Ana Ortiz', role: 'technician', active: true }, 1);
    s.setSelection({ ids: new Set(['R-1']), anchorId: 'R-1' });
    s.setSearch('R-10');
    s.openBatchManager({ runId: 'R-1', batchId: 'B-1' });
    s.notify({ tone: 'done', text: 'Saved' });
    s.showAddedPart({ runId: 'R-1', stepId: 'R-1/a', requirementId: 'op-1', partNumber: 'P-1' });
    resetUi();
    const after = useUi.getState();
    expect(after.session.user).toBeNull();
    expect(after.selection.ids.size).toBe(0);
    expect(after.runsView).toEqual(defaultRunsView);
    expect(after.dialogs).toEqual({ step: null, batchManager: null });
    expect(after.notices).toEqual([]);
    expect(after.addedPart).toBeNull();
  });

  it('keeps only the latest few messages', () => {
    for (let i = 0; i < 6; i++) useUi.getState().notify({ tone: 'info', text: `m${String(i)}` });
    expect(useUi.getState().notices.map((n) => n.text)).toEqual(['m2', 'm3', 'm4', 'm5']);
    useUi.getState().dismissNotice(useUi.getState().notices[0]?.id ?? 0);
    expect(useUi.getState().notices).toHaveLength(3);
  });

  it('locks a session and unlocks it for the same person', () => {
    const s = useUi.getState();
    s.signIn({ id: 'u-ana', name: 'Ana Ortiz', role: 'technician', active: true }, 1);
    s.lock();
    expect(useUi.getState().session).toMatchObject({ locked: true, user: { id: 'u-ana' } });
    s.unlock(50);
    expect(useUi.getState().session).toMatchObject({ locked: false, lastActivityAt: 50 });
  });

  it('reads a saved table view field by field, ignoring what it does not know', () => {
    expect(parseRunsView(null)).toEqual(defaultRunsView);
    const view = parseRunsView({
      query: { sort: 'status', descending: false, statuses: ['hold', 'bogus'], procedureVersionIds: ['P-1', 3], batch: 'batch:B-101', search: 'R-1' },
      hiddenColumns: ['unit', 'nonsense'],
    });
    expect(view).toEqual({
      query: { sort: 'status', descending: false, statuses: ['hold'], procedureVersionIds: ['P-1'], batch: 'batch:B-101', search: 'R-1' },
      hiddenColumns: ['unit'],
    });
    expect(parseRunsView({ query: { sort: 'nope', batch: 'weird' } }).query).toMatchObject({ sort: 'updated', batch: 'any' });
  });
});
