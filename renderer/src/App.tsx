import { AppHeader } from './header/AppHeader';
import { useRoute } from './routing/router';
import { RunPage } from './run/RunPage';
import { RunsPage } from './runs/RunsPage';
import { LockScreen } from './session/LockScreen';
import { SignInScreen } from './session/SignInScreen';
import { useIdleLock } from './session/useIdleLock';
import { useUi } from './state/uiStore';
import { Notices } from './ui/Notices';

/** The booted station: header always, then sign-in or the screen the route names. */
export function App() {
  const user = useUi((s) => s.session.user);
  const route = useRoute();
  useIdleLock();
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main" id="main">
        {!user ? <SignInScreen /> : route.name === 'run' ? <RunPage key={route.runId} runId={route.runId} /> : <RunsPage />}
      </main>
      <Notices />
      <LockScreen />
    </div>
  );
}
