import { Button } from 'react-aria-components';
import { FormError } from './FormError';

/**
 * The end of a dialog's form: the error, if any, then Cancel and the confirming button, both
 * disabled while saving, the confirming one also while the engine says the action would be refused.
 */
export function FormFooter(props: {
  error: string | null;
  busy: boolean;
  refused: boolean;
  onCancel: () => void;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel?: string;
  /** Focus Cancel first where the dialog has no field to start in. */
  cancelFocus?: boolean;
  danger?: boolean;
}) {
  const { error, busy, refused, onCancel, confirmLabel, busyLabel, cancelLabel = 'Cancel', cancelFocus = false, danger = false } = props;
  return (
    <>
      <FormError error={error} />
      <div className="dialog-footer">
        <Button className="button" onPress={onCancel} isDisabled={busy} autoFocus={cancelFocus}>
          {cancelLabel}
        </Button>
        <Button type="submit" className={`button primary big${danger ? ' danger solid' : ''}`} isDisabled={busy || refused}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </div>
    </>
  );
}
