/** The plan panel's state: whether it is open, the question being written, and the search's progress and answer. */
import { create } from 'zustand';
import type { PlanAnswer, PlanTarget } from '../../simulation/index';
import type { PlanProgressLine } from './planPrepare';

export type TargetOp = PlanTarget['op'];

export type PlanStatus = 'idle' | 'preparing' | 'running' | 'done' | 'cancelled' | 'failed';

/** A target as the panel's row holds it: a figure of the registry, an operator and a limit as typed. */
export interface TargetRow {
  figure: string;
  op: TargetOp;
  limit: string;
}

/** A field of the space as its row holds it: a field of the registry and its values (`1..16`, `1,2,4`, `1..64:4`). */
export interface SpaceRow {
  field: string;
  values: string;
}

export interface PlanProgressView extends PlanProgressLine {
  /** Designs in the space. */
  designs: number;
}

export interface PlanState {
  open: boolean;
  targets: TargetRow[];
  space: SpaceRow[];
  replications: number;
  /** The scenario of a loaded plan (file or link); null: the page's current scenario. */
  scenario: unknown;
  scenarioName: string | null;
  status: PlanStatus;
  progress: PlanProgressView | null;
  answer: PlanAnswer | null;
  problems: string[];
  notice: string | null;
}

export const usePlanStore = create<PlanState>()(() => ({
  // A plan link opens the panel (the panel then reads the link).
  open: typeof location !== 'undefined' && location.hash.startsWith('#plan='),
  targets: [{ figure: 'queries.latencyMs.p99', op: '<', limit: '50' }],
  space: [{ field: 'queryService.instances', values: '1..8' }],
  replications: 3,
  scenario: null,
  scenarioName: null,
  status: 'idle',
  progress: null,
  answer: null,
  problems: [],
  notice: null,
}));

// A plan link pasted into an open tab opens the panel, which then reads the link.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e) => {
    if (new URL(e.newURL).hash.startsWith('#plan=')) usePlanStore.setState({ open: true });
  });
}
