import { useState } from 'react';
import { Button, Dialog, Form, Heading, Input, Label, Modal, ModalOverlay, TextField } from 'react-aria-components';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import { idleTimeoutMs } from './idle';
import { saveSession } from './sessionPersistence';
import { useSignOut } from './useSignOut';
import { FormError } from '../ui/FormError';

/** After inactivity the same person continues with their PIN, or signs out for someone else. */
export function LockScreen() {
  const { pinCheck } = useStation();
  const user = useUi((s) => s.session.user);
  const locked = useUi((s) => s.session.locked);
  const unlock = useUi((s) => s.unlock);
  const signOut = useSignOut();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!user || !locked) return null;

  const submit = async () => {
    const result = await pinCheck.confirm(user.id, pin);
    setPin('');
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    const now = Date.now();
    saveSession({ userId: user.id, lastActivityAt: now });
    setError(null);
    unlock(now);
  };

  return (
    <ModalOverlay className="modal-overlay lock-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="modal narrow">
        <Dialog className="dialog" aria-labelledby="lock-title">
          <Heading slot="title" id="lock-title">
            Station locked
          </Heading>
          <p>
            Locked after {String(Math.round(idleTimeoutMs / 60_000))} minutes without activity. {user.name}, enter your PIN to continue.
          </p>
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <TextField className="field" value={pin} onChange={setPin} type="password" autoFocus autoComplete="off">
              <Label>PIN</Label>
              <Input className="input big" inputMode="numeric" />
            </TextField>
            <FormError error={error} />
            <div className="button-row">
              <Button type="submit" className="button primary">
                Continue
              </Button>
              <Button className="button" onPress={signOut}>
                Sign out
              </Button>
            </div>
          </Form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
