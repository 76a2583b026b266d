import { useCallback } from 'react';
import type { Operation } from '../../../shared/schemas/operation';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import { exclusionLine, propagationText } from './outcomeText';
import { submit, type SubmitResult } from './submit';

/**
 * Submits an operation and reports it: "… Saved on this station." once it is committed, with the
 * runs of the batch it reached and those it left out; or the reason it was refused, with nothing
 * changed. Returns the result so a dialog can stay open on a refusal and show it there.
 */
export function useSubmit(options: { refusalInPlace?: boolean } = {}): (op: Operation, doneText: string) => Promise<SubmitResult> {
  const inPlace = options.refusalInPlace ?? false;
  const { db } = useStation();
  const notify = useUi((s) => s.notify);
  return useCallback(
    async (op, doneText) => {
      const result = await submit(db, op);
      if (!result.ok) {
        // A dialog shows the refusal where the person is looking; elsewhere it is a message.
        if (!inPlace) notify({ tone: 'refused', text: `Not saved: ${result.reason}` });
        return result;
      }
      const { outcome } = result;
      const spread = propagationText(outcome);
      const details = outcome.status === 'applied_with_exclusions' ? outcome.excluded.map(exclusionLine) : [];
      const note = outcome.note ? ` ${outcome.note}.` : '';
      notify({ tone: 'done', text: `${doneText} Saved on this station.${note}${spread ? ` ${spread}` : ''}`, details });
      return result;
    },
    [db, notify, inPlace],
  );
}
