import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { StationBridge } from '../../../shared/bridge/contract';
import { FormError } from '../ui/FormError';

/** Remembered when a person chooses to explore the demo plant instead of connecting. */
export const demoChoiceKey = 'lockstep.demo';

/**
 * First start of a station that is not enrolled: the server's address, the enrolment code an
 * administrator handed out, and a name for this station. Or, to look around first, the demo
 * plant, kept on this station only.
 */
export function ConnectScreen({ bridge, defaultServerUrl }: { bridge: StationBridge; defaultServerUrl: string }) {
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const connect = async () => {
    setBusy(true);
    setError(null);
    const result = await bridge.station.enrol({ serverUrl: serverUrl.trim(), code: code.trim(), name: name.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    location.reload();
  };

  return (
    <main className="boot-screen connect">
      <h1>Lockstep</h1>
      <section className="sign-in" aria-labelledby="connect-title">
        <h2 id="connect-title">Connect this station</h2>
        <p>Ask your administrator for an enrolment code. The station keeps working when the network is down.</p>
        <Form
          className="sign-in-form"
          onSubmit={(e) => {
            e.preventDefault();
            void connect();
          }}
        >
          <TextField className="field" value={serverUrl} onChange={setServerUrl} isRequired autoComplete="off">
            <Label>Server address</Label>
            <Input className="input big" placeholder="http://server:4650" />
          </TextField>
          <TextField className="field" value={code} onChange={setCode} isRequired autoComplete="off" autoFocus>
            <Label>Enrolment code</Label>
            <Input className="input big" />
          </TextField>
          <TextField className="field" value={name} onChange={setName} isRequired autoComplete="off">
            <Label>Station name</Label>
            <Input className="input big" placeholder="Line 2 – torque" />
          </TextField>
          <FormError error={error} />
          <Button type="submit" className="button primary big" isDisabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </Button>
        </Form>
        <Button
          className="button big"
          onPress={() => {
            localStorage.setItem(demoChoiceKey, 'yes');
            location.reload();
          }}
        >
          Explore the demo plant on this station only
        </Button>
      </section>
    </main>
  );
}
