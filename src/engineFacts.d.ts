/** Types of the build-time module made by vite.config.ts (engineFacts) (plain data from the engine). */
declare module 'virtual:engine-facts' {
  import type { Scenario } from '../simulation/index';
  /** The built-in default scenario, every default filled in (what `{ "version": 1 }` parses to). */
  export const defaultScenario: Scenario;
  /** Fields fixed for the length of a run: changing one starts a new run. */
  export const FIXED_DURING_RUN: readonly string[];
  /** Which targets each fault kind applies to, and the fields it needs. */
  export const FAULT_RULES: typeof import('../simulation/scenario').FAULT_RULES;
  export const loadBalancerAlgorithms: typeof import('../simulation/scenario').loadBalancerAlgorithms;
}
