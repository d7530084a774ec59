import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { init, failWorkerForTest } from './app/controller';
import './styles.css';

init();
// Browser tests reach the worker's failure hook only when the page is opened with ?test-hooks.
if (new URLSearchParams(location.search).has('test-hooks')) {
  (window as unknown as { labTest: object }).labTest = { failWorker: failWorkerForTest };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
