import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './boot/Boot';
import { stationDbName } from './boot/bootstrap';
import { ErrorBoundary } from './errors/ErrorBoundary';
import './styles.css';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary dbName={stationDbName}>
      <Boot />
    </ErrorBoundary>
  </StrictMode>,
);
