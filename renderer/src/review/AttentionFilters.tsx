import { ToggleButton } from 'react-aria-components';
import { attentionKinds, attentionWords, type AttentionKind } from './attentionKinds';

/**
 * The "needs attention" filters: each narrows the matrix to the runs with a cell of that kind;
 * several together show the runs with any of them.
 */
export function AttentionFilters(props: { counts: Record<AttentionKind, number>; chosen: ReadonlySet<AttentionKind>; onChange: (next: Set<AttentionKind>) => void }) {
  const { counts, chosen, onChange } = props;
  return (
    <div className="attention-filters" role="group" aria-label="Show only runs that need attention">
      <span className="filters-label" aria-hidden="true">
        Needs attention:
      </span>
      {attentionKinds.map((kind) => (
        <ToggleButton
          key={kind}
          className="button small filter-toggle"
          isSelected={chosen.has(kind)}
          onChange={(on) => {
            const next = new Set(chosen);
            if (on) next.add(kind);
            else next.delete(kind);
            onChange(next);
          }}
        >
          {attentionWords[kind]} ({counts[kind]})
        </ToggleButton>
      ))}
      {chosen.size > 0 && (
        <button type="button" className="button small" onClick={() => { onChange(new Set()); }}>
          Show all runs
        </button>
      )}
    </div>
  );
}
