/** The page's view of src/engineFacts.ts: the same exports, as plain data made at build time (vite.config.ts). */
declare module 'virtual:engine-facts' {
  export const defaultScenario: typeof import('./engineFacts').defaultScenario;
  export const FIXED_DURING_RUN: typeof import('./engineFacts').FIXED_DURING_RUN;
  export const FAULT_RULES: typeof import('./engineFacts').FAULT_RULES;
  export const loadBalancerAlgorithms: typeof import('./engineFacts').loadBalancerAlgorithms;
  export const PART_CHARTS: typeof import('./engineFacts').PART_CHARTS;
}
/** The page's view of src/partDeclarations.ts, made at build time the same way. */
declare module 'virtual:part-declarations' {
  export const PART_DECLARATIONS: typeof import('./partDeclarations').PART_DECLARATIONS;
  export const STAGE_FACTS: typeof import('./partDeclarations').STAGE_FACTS;
  export const BUILTIN_PAGES: typeof import('./partDeclarations').BUILTIN_PAGES;
}
/** The page's view of src/chartFacts.ts, made at build time the same way. */
declare module 'virtual:chart-facts' {
  export const BUILTIN_CHARTS: typeof import('./chartFacts').BUILTIN_CHARTS;
}
