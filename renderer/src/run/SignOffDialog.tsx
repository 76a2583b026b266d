import { useState } from 'react';
import { Form, Input, Label, RadioButton, RadioField, RadioGroup, TextField } from 'react-aria-components';
import type { Seen } from '../../../shared/schemas/operation';
import type { RunStep } from '../../../shared/schemas/run';
import { SignatureMeaning } from '../../../shared/schemas/signature';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { DialogShell } from '../ui/DialogShell';
import { FormFooter } from '../ui/FormFooter';
import { meaningWords, roleWord } from '../ui/words';
import { limitStatus, valueText } from './limits';
import { PropagationPreview } from './PropagationPreview';
import { actionWords, buildStepOp } from './stepOps';
import { useStepPreview } from './useStepPreview';
import { useSaveGuard } from '../actions/useSaveGuard';

const meaningHelp: Record<SignatureMeaning, string> = {
  performed: 'I did this step',
  verified: 'I checked this step was done right',
  approved: 'I approve the result',
};

/**
 * The electronic signature (21 CFR 11.50, 11.200): the signer's printed name, the meaning chosen,
 * and the PIN again even within the session. Nothing is signed until the PIN checks out and the
 * sign-off is saved on this station.
 */
export function SignOffDialog({ step, seen, batched, onClose }: { step: RunStep; seen: Seen; batched: boolean; onClose: () => void }) {
  const { db, pinCheck } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const [meaning, setMeaning] = useState<SignatureMeaning>(step.signoffRole === 'technician' ? 'performed' : 'approved');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { guard, busy } = useSaveGuard();
  const outcome = useStepPreview('signOff', step, seen, undefined);
  const words = actionWords('signOff', step);
  const refused = outcome?.status === 'rejected' || outcome?.status === 'needs_review';

  // Closing while a signature is checked or saved is left to the save: it closes the dialog once signed.
  const close = () => {
    if (!guard.saving) onClose();
  };
  const sign = async () => {
    if (pin === '') {
      setError('Enter your PIN to sign');
      return;
    }
    setError(null);
    const signed = await guard.run(async () => {
      const check = await pinCheck.confirm(author.user.id, pin);
      if (!check.ok) return { ok: false as const, reason: `${check.reason}. Nothing was signed.` };
      const result = await submitOp(await buildStepOp(db, author, 'signOff', step, { reason: '', meaning, changes: {} }, seen), words.done);
      return result.ok ? result : { ok: false as const, reason: `Not signed: ${result.reason}` };
    });
    // Cleared once the save is out (a re-render before it would hold its writes back), used or not.
    setPin('');
    if (!signed) return;
    if (!signed.ok) {
      setError(signed.reason);
      return;
    }
    onClose();
  };

  return (
    <DialogShell title={words.title} onClose={close} dismissable={!busy} className="sign-off-dialog">
      <Form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          void sign();
        }}
      >
        <dl className="facts">
          <div>
            <dt>Signer</dt>
            <dd className="signer-name">
              {author.user.name} <span className="muted">({roleWord(author.user.role)})</span>
            </dd>
          </div>
          <div>
            <dt>Signed by role</dt>
            <dd>{roleWord(step.signoffRole)} or above</dd>
          </div>
        </dl>
        {step.fields.length > 0 && (
          <div>
            <p className="field-label">Values signed</p>
            <ul className="signed-values">
              {step.fields.map((f) => {
                const status = limitStatus(f, step.fieldValues[f.id]);
                return (
                  <li key={f.id} className={`limit-${status}`}>
                    {f.label}: <strong>{valueText(f, step.fieldValues[f.id])}</strong>
                    {status === 'outside' && ' (outside its limits)'}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <RadioGroup className="meaning-group" value={meaning} onChange={(v) => { setMeaning(SignatureMeaning.parse(v)); }}>
          <Label className="field-label">Meaning of this signature</Label>
          {SignatureMeaning.options.map((m) => (
            <RadioField key={m} value={m} className="radio-field">
              <RadioButton className="radio-card">
                <span className="radio-dot" aria-hidden="true" />
                <span>
                  <strong>{meaningWords[m]}</strong> <span className="muted">— {meaningHelp[m]}</span>
                </span>
              </RadioButton>
            </RadioField>
          ))}
        </RadioGroup>
        <PropagationPreview outcome={outcome} batched={batched} />
        <TextField className="field" value={pin} onChange={setPin} type="password" autoComplete="off" autoFocus>
          <Label>PIN</Label>
          <Input className="input big pin-input" inputMode="numeric" />
        </TextField>
        <FormFooter error={error} busy={busy} refused={refused} onCancel={close} confirmLabel={words.confirm} busyLabel="Signing…" />
      </Form>
    </DialogShell>
  );
}
