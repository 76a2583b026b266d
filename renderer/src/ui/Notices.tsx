import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { useUi } from '../state/uiStore';

/**
 * What just happened: each action's result once it is saved on this station, or why it was
 * refused. Announced politely; a refusal as an alert.
 */
export function Notices() {
  const { notices, dismiss } = useUi(useShallow((s) => ({ notices: s.notices, dismiss: s.dismissNotice })));
  return (
    <section className="notices" aria-label="Messages">
      <div role="status" aria-live="polite" className="notice-list">
        {notices
          .filter((n) => n.tone !== 'refused')
          .map((n) => (
            <NoticeCard key={n.id} id={n.id} tone={n.tone} text={n.text} details={n.details} onDismiss={dismiss} />
          ))}
      </div>
      <div role="alert" className="notice-list">
        {notices
          .filter((n) => n.tone === 'refused')
          .map((n) => (
            <NoticeCard key={n.id} id={n.id} tone={n.tone} text={n.text} details={n.details} onDismiss={dismiss} />
          ))}
      </div>
    </section>
  );
}

/** How long a "saved" message stays; a refusal stays until it is closed. */
const doneMs = 12_000;

function NoticeCard(props: { id: number; tone: string; text: string; details: readonly string[]; onDismiss: (id: number) => void }) {
  const { id, tone, onDismiss } = props;
  useEffect(() => {
    if (tone === 'refused') return undefined;
    const timer = window.setTimeout(() => {
      onDismiss(id);
    }, doneMs);
    return () => {
      window.clearTimeout(timer);
    };
  }, [id, tone, onDismiss]);
  return (
    <div className={`notice ${props.tone}`}>
      <div className="notice-body">
        <p>{props.text}</p>
        {props.details.length > 0 && (
          <ul>
            {props.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      <Button
        className="button small"
        aria-label="Close message"
        onPress={() => {
          props.onDismiss(props.id);
        }}
      >
        ✕
      </Button>
    </div>
  );
}
