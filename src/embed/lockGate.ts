/**
 * Embed mode's `lock=` as the controller (src/app/controller.ts) keeps it: which guard holds, and
 * how a learner's scenario enters the worker under it. Type imports only: the first screen loads
 * this module, and the guard itself (locks.ts, with the field registry) only when `lock=` is set.
 */
import type { Scenario } from '../../simulation/index';
import type { LoadResult } from '../worker/runner';
import type { FieldGuard } from './locks';

let guard: FieldGuard | null = null;

/** Starts keeping these locks (main.tsx, in embed mode with `lock=`). */
export function guardFields(g: FieldGuard): void {
  guard = g;
}

/** The guard in force, or null (outside embed mode, or before the address's own scenario has loaded). */
export const activeGuard = (): FieldGuard | null => guard;

/** The paths the course page locked (none outside embed mode). */
export const lockedFields = (): readonly string[] => guard?.paths ?? [];

/** What the worker offers for loading: parse without loading, load a checked scenario, or parse and load text. */
export interface Loader {
  parseText(text: string): Promise<LoadResult>;
  load(s: Scenario): Promise<LoadResult>;
  loadText(text: string): Promise<LoadResult>;
}

/**
 * Loads scenario text under the locks, with what was put back (`kept`). A learner's text is
 * parsed first, without loading; the locked fields are put back; only that scenario is loaded, so
 * a scenario that fails validation with the locks applied never reaches the worker (the run in
 * the worker stays the one the page shows). The host's text, or any text with no locks in force,
 * is loaded as it is.
 */
export async function loadUnderLocks(text: string, io: Loader, host: boolean): Promise<{ r: LoadResult; kept: string[] }> {
  if (!guard || host) return { r: await io.loadText(text), kept: [] };
  const parsed = await io.parseText(text);
  if (!parsed.ok) return { r: parsed, kept: [] };
  const fixed = guard.enforce(parsed.scenario);
  if (!fixed) return { r: await io.load(parsed.scenario), kept: [] };
  return { r: await io.load(fixed.scenario), kept: fixed.kept };
}

/**
 * The loaded scenario with the locked fields at their values, or null when they are already: a
 * host's `set` of a locked field during a run is an intervention, which Reset would drop (Reset
 * loads this instead, so the host's value holds from time 0).
 */
export function lockedBase(base: Scenario): Scenario | null {
  return guard?.enforce(base)?.scenario ?? null;
}
