/**
 * The example the page shows (its notes), as plain data: the catalogue itself loads lazily
 * (exampleActions.ts), so the first screen carries none of its text or scenarios.
 */
import { create } from 'zustand';

/** What the example panel shows about the loaded example. */
export interface ExampleInfo {
  /** The id loaded: the example's or one of its variants'. */
  id: string;
  title: string;
  concept: string;
  lookAt: string;
  /** q1..q10, and what that quiz question is about. */
  question: string;
  topic: string;
  /** The sides of a comparison (the example and its variants), in order; empty when there is none. */
  sides: { id: string; label: string }[];
}

export interface ExampleState {
  current: ExampleInfo | null;
  /** Whether the Examples menu is open (the idle hint's button opens it too). */
  menuOpen: boolean;
}

export const useExampleStore = create<ExampleState>()(() => ({ current: null, menuOpen: false }));

/** The page's address with `?example=` set to `id`, or removed when `id` is null (other parameters kept). */
export function addressWithExample(href: string, id: string | null, keepHash: boolean): string {
  const u = new URL(href);
  if (id === null) u.searchParams.delete('example');
  else u.searchParams.set('example', id);
  if (!keepHash) u.hash = '';
  return u.pathname + u.search + u.hash;
}

/** Forgets the example (another scenario was loaded): its notes go, and so does `?example=` from the address. */
export function clearExample(): void {
  if (useExampleStore.getState().current === null) return;
  useExampleStore.setState({ current: null });
  if (window.self === window.top) history.replaceState(history.state, '', addressWithExample(location.href, null, true));
}
