/**
 * The parts' declarations as the page reads them (settings pages, figures panel rows, charts,
 * causes), without their runtime: plain data. Like `engineFacts.ts`, vite.config.ts runs this
 * module at build time and the page imports `virtual:part-declarations`, so no engine code ships
 * to it; only the settings and figures panels (loaded after the first screen) use the whole list.
 * Vitest aliases the virtual module to this file.
 */
import { declarationOf, PARTS } from '../simulation/index';

/** Every part on the list, in its order, without `create`. */
export const PART_DECLARATIONS = PARTS.map(declarationOf);
