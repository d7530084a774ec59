/**
 * What the page needs from the engine at first paint: the default scenario, the fields fixed
 * during a run, the fault rules, the load-balancer names and the parts' charts. The engine computes them with its
 * zod schema, which the page must not load or run on its main thread (84 KB of script, and a long
 * task at load; the worker validates everything anyway). So the page imports
 * `virtual:engine-facts` instead: vite.config.ts runs this module at build time and writes its
 * exports into that module as plain data. Vitest aliases the virtual module to this file.
 */
import {
  FAULT_RULES as faultRules,
  FIXED_DURING_RUN as fixedDuringRun,
  defaultScenario as makeDefaultScenario,
  loadBalancerAlgorithms as algorithms,
  PARTS,
} from '../simulation/index';

/** The built-in default scenario, every default filled in (what `{ "version": 1 }` parses to). */
export const defaultScenario = makeDefaultScenario();
/** Fields fixed for the length of a run: changing one starts a new run. */
export const FIXED_DURING_RUN: readonly string[] = fixedDuringRun;
/** Which targets each fault kind applies to, and the fields it needs. */
export const FAULT_RULES = faultRules;
export const loadBalancerAlgorithms = algorithms;
/**
 * What the first screen's charts read of the parts: each one's charts and its failure cause's
 * line, in the list's order, for the parts that have either. The settings and figures panels read
 * the whole declarations from `virtual:part-declarations` (`partDeclarations.ts`), after the
 * first screen.
 */
export const PART_CHARTS = PARTS.flatMap((p) =>
  p.charts || (p.cause && p.causePage)
    ? [{ ...(p.cause && p.causePage ? { cause: { id: p.cause.id }, causePage: p.causePage } : {}), ...(p.charts ? { charts: p.charts } : {}) }]
    : [],
);
