import { useEffect, useState } from 'react';
import { useLabStore } from '../labs/labStore';
import { useExampleStore } from './exampleStore';
import { rememberWelcomed, shouldWelcome } from './welcome';

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The first visit's welcome: start the first lab (`?lab=q1`), or explore on your own. Shown once. */
export function Welcome() {
  const [shown, setShown] = useState(() => shouldWelcome(location.search, location.hash, window.self !== window.top, storage()));
  // Choosing an example or a lab from the toolbar answers the welcome too.
  const exampleChosen = useExampleStore((s) => s.current !== null);
  const labChosen = useLabStore((s) => s.id !== null);
  const chosen = exampleChosen || labChosen;
  useEffect(() => {
    // A lab or an example opened by its address counts too: the plain address later does not welcome again.
    if (!chosen) return;
    rememberWelcomed(storage());
    if (shown) setShown(false);
  }, [shown, chosen]);
  if (!shown || chosen) return null;
  const answer = () => {
    rememberWelcomed(storage());
    setShown(false);
  };
  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to the lab</h2>
      <p>
        This is a small simulated system: commands change data, queries read it, and an event stream carries each change from one side
        to the other. Put load on it, scale it, break it, and watch response times, throughput and consistency move.
      </p>
      <p>Ten short labs follow the course quiz, one question each, with a prediction to make and a check to pass.</p>
      <div className="welcome-actions">
        <button
          type="button"
          className="btn primary"
          onClick={() => {
            answer();
            location.assign(`${location.pathname}?lab=q1`);
          }}
        >
          Start the first lab
        </button>
        <button type="button" className="btn" onClick={answer}>
          Explore freely
        </button>
      </div>
    </section>
  );
}
