import { useStation } from '../boot/StationContext';
import { stationCode } from '../store/stationMeta';
import { AttentionButton } from '../attention/AttentionButton';
import { ReviewNav } from './ReviewNav';
import { SessionBox } from './SessionBox';
import { SyncBadge } from './SyncBadge';

export function AppHeader() {
  const { stationId } = useStation();
  return (
    <header className="app-header">
      <a className="brand" href="#/runs">
        <h1>Lockstep</h1>
      </a>
      <p className="station-name">
        <span>Station</span> <strong className="station-code">{stationCode(stationId)}</strong>
      </p>
      <ReviewNav />
      <SyncBadge />
      <AttentionButton />
      <SessionBox />
    </header>
  );
}
