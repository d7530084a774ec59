/**
 * The first screen, rendered by main.tsx once React's DOM renderer has loaded: a module of its
 * own so that the app's components evaluate in a task of their own (see main.tsx).
 */
import { StrictMode, startTransition } from 'react';
import type { Root } from 'react-dom/client';
import { App } from './App';

/** A transition: React renders the first screen in slices of a few ms instead of one long task. */
export function renderFirstScreen(root: Root): void {
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
