/**
 * What every part of the model shares: the engine (clock and calendar), the requests in the
 * system, the run's length and the scenario as it stands now (live changes replace it; the
 * elasticity part records the live sizes of projectors and replicas in it). Parts read their own
 * section of `scenario`; they call each other only through what they are handed.
 */
import type { Engine } from '../engine/core';
import { CORE_FAILURE_CAUSES, type FailureCause } from '../metrics/classTally';
import { RequestPool } from '../model/requestPool';
import type { Scenario } from '../scenario';
import { Happenings } from './happenings';

export class World {
  readonly reqs = new RequestPool();
  readonly durationMs: number;
  readonly warmupMs: number;
  /** What happened, for the page's markers and log (bounded). */
  readonly happenings: Happenings;

  /**
   * `failureCauses`: every cause an attempt may fail with, the engine's own and those of the
   * parts in the run (the services' tallies count each).
   */
  constructor(
    readonly engine: Engine,
    public scenario: Scenario,
    readonly failureCauses: readonly FailureCause[] = CORE_FAILURE_CAUSES,
  ) {
    this.durationMs = scenario.durationS * 1000;
    this.warmupMs = scenario.warmupS * 1000;
    this.happenings = new Happenings(engine);
  }
}
