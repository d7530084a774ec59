/** Page-only state: the theme and the part of the topology whose settings are open. */
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
/** A selectable part of the topology; each maps to a group of scenario settings. */
export type PartId = 'run' | 'workload' | 'commandService' | 'writeStore' | 'eventStream' | 'readStore' | 'cache' | 'queryService' | 'faults';

export interface UiState {
  theme: Theme;
  selected: PartId;
  setTheme(t: Theme): void;
  select(p: PartId): void;
}

const THEME_KEY = 'cqrs-lab-theme';

function initialTheme(): Theme {
  if (typeof window === 'undefined' || !window.matchMedia) return 'light';
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be off (a sandboxed iframe): fall back to the system's preference.
  }
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useUiStore = create<UiState>()((set) => ({
  theme: initialTheme(),
  selected: 'workload',
  setTheme: (theme) => {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not saved: the choice lasts for this visit.
    }
    set({ theme });
  },
  select: (selected) => set({ selected }),
}));
