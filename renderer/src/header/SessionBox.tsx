import { Button } from 'react-aria-components';
import { useSignOut } from '../session/useSignOut';
import { useUi } from '../state/uiStore';
import { roleWord } from '../ui/words';

/** Who is signed in, always on screen, with the way out. */
export function SessionBox() {
  const user = useUi((s) => s.session.user);
  const signOut = useSignOut();
  if (!user) return <p className="session-box muted">Not signed in</p>;
  return (
    <div className="session-box">
      <p className="signed-in" aria-label={`Signed in as ${user.name}, ${roleWord(user.role)}`}>
        <span className="who">{user.name}</span>
        <span className="role">{roleWord(user.role)}</span>
      </p>
      <Button
        className="button on-dark"
        onPress={signOut}
      >
        Sign out
      </Button>
    </div>
  );
}
