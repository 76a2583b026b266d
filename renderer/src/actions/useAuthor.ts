import type { User } from '../../../shared/schemas/users';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import type { Author } from './operations';

/** The signed-in person at this station: every operation is theirs. Screens that act are only shown signed in. */
export function useAuthor(): Author & { user: User } {
  const { stationId } = useStation();
  const user = useUi((s) => s.session.user);
  if (!user) throw new Error('An action was offered with no one signed in');
  return { stationId, actorId: user.id, user };
}
