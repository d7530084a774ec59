/**
 * Embed mode's `lock=` as the controller (src/app/createController.ts) keeps it: how a learner's
 * scenario enters the worker under the guard the controller holds. Type imports only: the first
 * screen loads this module, and the guard itself (locks.ts, with the field registry) only when
 * `lock=` is set.
 */
import type { Scenario } from '../../simulation/index';
import type { LoadResult } from '../worker/runner';
import type { FieldGuard } from './locks';

/** What the worker offers for loading: parse without loading, load a checked scenario, or parse and load text. */
export interface Loader {
  parseText(text: string): Promise<LoadResult>;
  load(s: Scenario): Promise<LoadResult>;
  loadText(text: string): Promise<LoadResult>;
}

/**
 * Loads scenario text under the locks of `guard`, with what was put back (`kept`). A learner's
 * text is parsed first, without loading; the locked fields are put back; only that scenario is
 * loaded, so a scenario that fails validation with the locks applied never reaches the worker
 * (the run in the worker stays the one the page shows). With no guard (none in force, or the
 * host's text, which sets locked fields) the text is loaded as it is.
 */
export async function loadUnderLocks(text: string, io: Loader, guard: FieldGuard | null): Promise<{ r: LoadResult; kept: string[] }> {
  if (!guard) return { r: await io.loadText(text), kept: [] };
  const parsed = await io.parseText(text);
  if (!parsed.ok) return { r: parsed, kept: [] };
  const fixed = guard.enforce(parsed.scenario);
  if (!fixed) return { r: await io.load(parsed.scenario), kept: [] };
  return { r: await io.load(fixed.scenario), kept: fixed.kept };
}

/**
 * The loaded scenario with the locked fields at their values, or null when they are already (or
 * there is no guard): a host's `set` of a locked field during a run is an intervention, which
 * Reset would drop (Reset loads this instead, so the host's value holds from time 0).
 */
export function lockedBase(base: Scenario, guard: FieldGuard | null): Scenario | null {
  return guard?.enforce(base)?.scenario ?? null;
}
