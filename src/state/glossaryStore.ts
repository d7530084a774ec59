/** Whether the glossary is open, and the term to show first. */
import { create } from 'zustand';

export interface GlossaryState {
  open: boolean;
  /** A term id from `glossaryTerms.ts`, or null for the top of the list. */
  term: string | null;
  show(term?: string | null): void;
  close(): void;
}

export const useGlossaryStore = create<GlossaryState>()((set) => ({
  open: false,
  term: null,
  show: (term = null) => set({ open: true, term }),
  close: () => set({ open: false, term: null }),
}));
