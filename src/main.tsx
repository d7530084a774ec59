import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { init, failWorkerForTest, linksHandledForTest, play, setSpeed } from './app/controller';
import { applyEmbedLayout, embedOptions } from './embed/embedOptions';
import { useUiStore } from './state/uiStore';
import './styles.css';

const embed = embedOptions(location.search);
if (embed) applyEmbedLayout(embed, document.documentElement);
const exampleId = new URLSearchParams(location.search).get('example');
const hadLink = location.hash.length > 1;
// ?example=<id>: the example loads once the worker is up (a shared link in the address keeps its
// scenario, and the example's notes are shown beside it). Autoplay waits for it.
const started = init().then(() => (exampleId !== null ? import('./examples/exampleActions').then((m) => m.loadExample(exampleId, { keepScenario: hadLink })) : null));
if (embed) {
  if (embed.theme) useUiStore.setState({ theme: embed.theme }); // for this visit, not remembered
  if (embed.speed !== null) void setSpeed(embed.speed);
  if (embed.autoplay) void started.then(play);
}
// In a frame, the host API (src/embed) loads after the first screen: a page on its own never fetches it.
if (window.self !== window.top) void import('./embed/hostApi').then((m) => m.start());
// Browser tests reach the worker's failure hook only when the page is opened with ?test-hooks.
if (new URLSearchParams(location.search).has('test-hooks')) {
  (window as unknown as { labTest: object }).labTest = { failWorker: failWorkerForTest, linksHandled: linksHandledForTest };
}

// A transition: React renders the first screen in slices of a few ms instead of one long task.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
