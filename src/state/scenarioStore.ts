/** The scenario as it stands now (live changes included) and the problems found in edits. */
import { create } from 'zustand';
import { defaultScenario } from 'virtual:engine-facts';
import type { Scenario, ScenarioProblem } from '../../simulation/index';
import type { Intervention } from '../worker/interventions';

export interface ScenarioState {
  /** The settings in force now. */
  scenario: Scenario;
  /** Interventions from the loaded file and recorded live, in time order. */
  interventions: Intervention[];
  /** Refused edits: field path -> message. Cleared when the field is next accepted. */
  fieldProblems: Record<string, string>;
  /** Problems of the last file that failed to load. */
  fileProblems: ScenarioProblem[];
  /** Changes recorded live in this run: "Run again" replays them, Reset and loading drop them. */
  recorded: number;
}

/** The page's state at start: the built-in scenario, nothing refused or recorded. */
export const initialScenarioState: ScenarioState = {
  // Computed from the engine at build time: the page runs no schema at load.
  scenario: defaultScenario,
  interventions: [],
  fieldProblems: {},
  fileProblems: [],
  recorded: 0,
};

export const useScenarioStore = create<ScenarioState>()(() => ({ ...initialScenarioState }));
