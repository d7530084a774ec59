/**
 * The parts' declarations as the page reads them (settings pages, figures panel rows, charts,
 * causes), without their runtime, and the built-in parts' settings blocks: plain data. Like `engineFacts.ts`, vite.config.ts runs this
 * module at build time and the page imports `virtual:part-declarations`, so no engine code ships
 * to it; only the settings and figures panels (loaded after the first screen) use the whole list.
 * Vitest aliases the virtual module to this file.
 */
import { BUILTIN_PAGES as builtinPages, declarationOf, PARTS, STAGE_PATHS, STAGES, type StagedSummary } from '../simulation/index';

/** Every part on the list, in its order, without `create`. */
export const PART_DECLARATIONS = PARTS.map(declarationOf);

/** How the settings panel shows the built-in parts' fields: their blocks, in the list's order (`parts/decl/page.ts`). */
export const BUILTIN_PAGES = builtinPages;

/**
 * The stages a latency is split into (docs/stages.md), as the "where the time goes" panel reads
 * them: each stage's id, label and help (once per id: the stream's `append` is declared for a
 * command and for an event, with the same label), and each staged summary's stage ids in the
 * order a request meets them.
 */
export const STAGE_FACTS = {
  stages: STAGES.filter((s, k) => STAGES.findIndex((o) => o.id === s.id) === k).map(({ id, label, help }) => ({ id, label, help })),
  paths: Object.fromEntries(Object.entries(STAGE_PATHS).map(([summary, p]) => [summary, [...p.ids]])) as Record<StagedSummary, string[]>,
};
