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

function initialTheme(): Theme {
  if (typeof window === 'undefined' || !window.matchMedia) return 'light';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useUiStore = create<UiState>()((set) => ({
  theme: initialTheme(),
  selected: 'workload',
  setTheme: (theme) => set({ theme }),
  select: (selected) => set({ selected }),
}));
