import { Button } from 'react-aria-components';
import { saveSession } from '../session/sessionPersistence';
import { useUi } from '../state/uiStore';
import { roleWord } from '../ui/words';

/** Who is signed in, always on screen, with the way out. */
export function SessionBox() {
  const user = useUi((s) => s.session.user);
  const signOut = useUi((s) => s.signOut);
  const clearSelection = useUi((s) => s.clearSelection);
  if (!user) return <p className="session-box muted">Not signed in</p>;
  return (
    <div className="session-box">
      <p className="signed-in" aria-label={`Signed in as ${user.name}, ${roleWord(user.role)}`}>
        <span className="who">{user.name}</span>
        <span className="role">{roleWord(user.role)}</span>
      </p>
      <Button
        className="button on-dark"
        onPress={() => {
          saveSession(null);
          clearSelection();
          signOut();
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
