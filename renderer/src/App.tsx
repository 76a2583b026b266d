import { AppHeader } from './header/AppHeader';
import { RouteView } from './routing/RouteView';
import { LockScreen } from './session/LockScreen';
import { SignInScreen } from './session/SignInScreen';
import { useIdleLock } from './session/useIdleLock';
import { useUi } from './state/uiStore';
import { Notices } from './ui/Notices';

/** The booted station: header always, then sign-in or the screen the route names. */
export function App() {
  const user = useUi((s) => s.session.user);
  useIdleLock();
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main" id="main">
        {!user ? <SignInScreen /> : <RouteView />}
      </main>
      <Notices />
      <LockScreen />
    </div>
  );
}
