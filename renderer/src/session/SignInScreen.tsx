import { useRef, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useStation } from '../boot/StationContext';
import { demoPeople } from '../demo/users';
import { useUi } from '../state/uiStore';
import { saveSession } from './sessionPersistence';
import { FormError } from '../ui/FormError';

/** Badge, then PIN. A badge scanner types the badge and presses Enter, which moves on to the PIN. */
export function SignInScreen() {
  const { db, pinCheck } = useStation();
  const signIn = useUi((s) => s.signIn);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (badge.trim() === '') {
      setError('Scan or type your badge id');
      return;
    }
    if (pin === '') {
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await pinCheck.signIn(badge, pin);
    const user = result.ok ? await db.users.get(result.userId) : undefined;
    setBusy(false);
    setPin('');
    if (!result.ok || !user) {
      setError(result.ok ? 'This person is not known at this station' : result.reason);
      return;
    }
    const now = Date.now();
    saveSession({ userId: user.id, lastActivityAt: now });
    signIn(user, now);
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">Sign in</h2>
      <Form
        className="sign-in-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField className="field" value={badge} onChange={setBadge} autoFocus autoComplete="off">
          <Label>Badge</Label>
          <Input
            className="input big"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && pin === '') {
                e.preventDefault();
                pinRef.current?.focus();
              }
            }}
          />
        </TextField>
        <TextField className="field" value={pin} onChange={setPin} type="password" autoComplete="off">
          <Label>PIN</Label>
          <Input ref={pinRef} className="input big" inputMode="numeric" />
        </TextField>
        <FormError error={error} />
        <Button type="submit" className="button primary big" isDisabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </Button>
      </Form>
      <DemoBadges />
    </section>
  );
}

/** The demo plant's badges and PINs, printed because this station runs the demo plant. */
function DemoBadges() {
  return (
    <details className="demo-badges">
      <summary>Demo badges and PINs</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Badge</th>
            <th scope="col">PIN</th>
          </tr>
        </thead>
        <tbody>
          {demoPeople.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.active ? p.role : `${p.role} (deactivated)`}</td>
              <td>{p.badgeId}</td>
              <td>{p.pin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
