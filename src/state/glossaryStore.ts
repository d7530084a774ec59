/** Whether the glossary is open, and the term to show first. */
import { create } from 'zustand';

export interface GlossaryState {
  open: boolean;
  /** A term id from `glossaryTerms.ts`, or null for the top of the list. */
  term: string | null;
  /** Where focus goes back to when it closes (a help text's link hides with its text: its "i" button instead). */
  returnTo: HTMLElement | null;
  show(term?: string | null, returnTo?: HTMLElement | null): void;
  close(): void;
}

export const useGlossaryStore = create<GlossaryState>()((set) => ({
  open: false,
  term: null,
  returnTo: null,
  show: (term = null, returnTo = null) => set({ open: true, term, returnTo }),
  close: () => set({ open: false, term: null, returnTo: null }),
}));
