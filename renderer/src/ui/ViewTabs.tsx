import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabView<K extends string> {
  id: K;
  label: string;
  panelClassName: string;
  /**
   * Whether the panel's content begins with a control (a button, a field). If not, the panel
   * itself takes focus from the tab key, as the WAI-ARIA tabs pattern asks, so that a keyboard
   * user reaches what it shows.
   */
  startsWithControl: boolean;
  panel: ReactNode;
}

const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End'];

/**
 * Tabs after the WAI-ARIA tabs pattern, activated as they take focus: the arrow keys, Home and
 * End move between the tabs, the tab key goes on into the panel. Only the selected panel is
 * rendered. Our own rather than react-aria's: its TabPanel watches its content and, after each
 * change inside it, walks the content for something focusable, which forces the browser to lay
 * the page out again there and then: about a millisecond of every save's redraw in the run view
 * (docs/scale.md, footnote 5).
 */
export function ViewTabs<K extends string>({ label, views, selected, onSelect, className }: { label: string; views: readonly TabView<K>[]; selected: K; onSelect: (id: K) => void; className: string }) {
  const base = useId();
  // The tab elements, for the keys to move focus to (one map for the component's life).
  const [tabs] = useState(() => new Map<K, HTMLButtonElement>());
  const view = views.find((v) => v.id === selected) ?? views[0];
  if (!view) return null;
  const tabId = (id: K) => `${base}tab-${id}`;
  const panelId = `${base}panel`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (!keys.includes(event.key)) return;
    const at = views.indexOf(view);
    const last = views.length - 1;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowRight' ? (at === last ? 0 : at + 1) : at === 0 ? last : at - 1;
    const next = views[to];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    tabs.get(next.id)?.focus();
  };

  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {views.map((v) => (
          <button
            key={v.id}
            ref={(node) => {
              if (node) tabs.set(v.id, node);
              else tabs.delete(v.id);
            }}
            type="button"
            role="tab"
            id={tabId(v.id)}
            className="tab"
            aria-selected={v.id === view.id}
            aria-controls={v.id === view.id ? panelId : undefined}
            tabIndex={v.id === view.id ? 0 : -1}
            onClick={() => {
              onSelect(v.id);
            }}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(view.id)} className={view.panelClassName} tabIndex={view.startsWithControl ? undefined : 0}>
        {view.panel}
      </div>
    </div>
  );
}
