/**
 * The worker's checks of scenarios and changes. The scenario schema (zod) is a chunk of its own
 * (./validation), loaded once, when first needed: the worker starts without it, since loading
 * exactly the page's built-in scenario (validated when the page was built) needs no checks.
 */
import type { ChangeFn } from '../../simulation/input/changeFn';
import type { Scenario } from '../../simulation/index';
import type { LoadResult } from './runTypes';

export type Checks = typeof import('./validation');

let checksLoading: Promise<Checks> | null = null;
/** The scenario schema and its checks, loaded once per worker. */
const loadChecks = (): Promise<Checks> => (checksLoading ??= import('./validation'));

export class ScenarioChecks {
  /** The checks, once loaded (`load()`). */
  private loaded: Checks | null = null;
  /** The built-in scenario as JSON, or null. */
  private readonly builtInJson: string | null;

  /** `builtIn`: the page's built-in scenario (virtual:engine-facts), or null. */
  constructor(builtIn: Scenario | null) {
    this.builtInJson = builtIn === null ? null : JSON.stringify(builtIn);
  }

  /** Given to each Simulation: it checks changes only once `load()` has loaded the checks. */
  readonly changeFn: ChangeFn = (current, change) => {
    if (this.loaded === null) throw new Error('the scenario checks have not loaded');
    return this.loaded.changedScenario(current, change);
  };

  /** Loads the scenario schema and checks now, if not yet loaded. */
  async load(): Promise<Checks> {
    this.loaded ??= await loadChecks();
    return this.loaded;
  }

  /** Validates a scenario; exactly the built-in one passes without loading the checks. */
  async parse(input: unknown): Promise<LoadResult> {
    if (this.builtInJson !== null && jsonOf(input) === this.builtInJson) return { ok: true, scenario: JSON.parse(this.builtInJson) as Scenario };
    return (await this.load()).parseScenario(input);
  }
}

/** JSON of what the page sent, or null when it has none (a cycle, a BigInt: the checks say what is wrong). */
function jsonOf(input: unknown): string | null {
  try {
    return JSON.stringify(input) ?? null;
  } catch {
    return null;
  }
}
