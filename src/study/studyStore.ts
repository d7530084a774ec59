/** The study panel's state: whether it is open, the study being defined, and its run and result. */
import { create } from 'zustand';
import type { FieldChange, StudyKind } from './studyLink';
import type { StudyResult } from './results';

export type StudyStatus = 'idle' | 'preparing' | 'running' | 'done' | 'cancelled' | 'failed';

export interface StudyState {
  open: boolean;
  kind: StudyKind;
  replications: number;
  /** Variant B's changes (a comparison). */
  variant: FieldChange[];
  /** The sweep, `field=values`. */
  sweep: string;
  /** A scenario from a loaded study (file or link); null: the page's current scenario. */
  scenario: unknown;
  scenarioName: string | null;
  status: StudyStatus;
  done: number;
  total: number;
  workers: number;
  problems: string[];
  /** A line about the last action (saved, shared, loaded, cancelled). */
  notice: string | null;
  result: StudyResult | null;
}

export const useStudyStore = create<StudyState>()(() => ({
  // A study link opens the panel (the panel then reads the link).
  open: typeof location !== 'undefined' && location.hash.startsWith('#study='),
  kind: 'replications',
  replications: 5,
  variant: [{ path: 'queryService.instances', value: 4 }],
  sweep: 'queryService.instances=1..6',
  scenario: null,
  scenarioName: null,
  status: 'idle',
  done: 0,
  total: 0,
  workers: 0,
  problems: [],
  notice: null,
  result: null,
}));

// A study link pasted into an open tab opens the panel, which then reads the link.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e) => {
    if (new URL(e.newURL).hash.startsWith('#study=')) useStudyStore.setState({ open: true });
  });
}
