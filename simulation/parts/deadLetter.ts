/**
 * A dead-letter queue after the projectors. Each apply attempt of an event fails with probability
 * `failureRate` (a poison message, a transient error of the read model). A failed event is tried
 * again after `retryDelayMs`, and its projector keeps it in hand meanwhile: that projector takes no
 * other event, so every partition it owns waits, not only the failed event's (head-of-line
 * blocking, like a Kafka consumer that sleeps in its poll loop before retrying). The wait is idle
 * time, not work: it does not count in the projectors' utilisation. After `maxAttempts` failed
 * attempts the event goes to the dead-letter queue and the projector moves on: the event never
 * becomes visible, so its key's read model stays at the older version until a later write of the
 * key (staleness).
 *
 * It sits in the projectors' path through the apply hook (`Projected` in `ports.ts`); off (no
 * `deadLetter` section), it installs no hook, draws nothing and adds no key. It keeps a count of
 * the failed attempts of the event in apply on each partition (at most one per partition), and
 * the queue as a count: nothing redrives a dead letter here, so the queue's depth is the number
 * of events that went to it.
 */
import { stream, type Uniform } from '../engine/random';
import { MAX_PROJECTORS } from '../input/fieldSpec';
import { V_APPLY_RETRY } from '../model/stageSlots';
import type { Scenario } from '../scenario';
import type { Part, PartPorts, PartRuntime } from './part';
import { APPLY, DROP, type ApplyHook, type Projected } from './ports';
import type { World } from './world';

/** The `deadLetter` section of a scenario. */
export interface DeadLetterConfig {
  failureRate: number;
  maxAttempts: number;
  retryDelayMs: number;
}

/** What the report says of the dead-letter queue: counts after the warm-up, like the rest of the report. */
export interface DeadLetterReport {
  /** Events the projectors were done with: applied, or sent to the dead-letter queue. */
  settled: number;
  /** Events sent to the dead-letter queue (never visible in the read model). */
  deadLettered: number;
  /** Failed apply attempts that were tried again. */
  retries: number;
  /** Most projectors held at once by an event waiting for a retry. */
  maxRetrying: number;
}

/** What each window says of it. */
export interface DeadLetterWindow {
  /** Events sent to the queue in the window. */
  deadLettered: number;
  /** Apply attempts retried in the window. */
  retries: number;
  /** Events in the queue at the window's end: every dead letter so far, warm-up included. */
  depth: number;
  /** Projectors held by an event waiting for a retry at the window's end. */
  retrying: number;
}

declare module '../scenario' {
  interface PartSettings {
    /** Present: the dead-letter queue after the projectors is on. */
    deadLetter?: DeadLetterConfig;
  }
  interface PartSettingsInput {
    deadLetter?: Partial<DeadLetterConfig>;
  }
}

declare module '../types' {
  interface Report {
    /** Present only when the dead-letter queue was on in the run. */
    deadLetter?: DeadLetterReport;
  }
  interface WindowStats {
    deadLetter?: DeadLetterWindow;
  }
  interface Snapshot {
    deadLetter?: { depth: number; retrying: number };
  }
}


export class DeadLetterQueue implements PartRuntime, ApplyHook {
  used = false;
  /** The report's counts, from the end of the warm-up on (as every other figure of the report). */
  settled = 0;
  deadLettered = 0;
  retries = 0;
  maxRetrying = 0;
  /** Events in the queue: every dead letter of the run, warm-up included (nothing takes one out). */
  depth = 0;
  retrying = 0;
  private windowDead = 0;
  private windowRetries = 0;
  private cfg: DeadLetterConfig | undefined;
  /** Failed attempts so far of the event in apply on each partition (0: none failed yet). */
  private readonly attempts: Int32Array;
  private u: Uniform | null = null;

  constructor(
    private readonly world: World,
    private readonly projection: Projected,
  ) {
    this.attempts = new Int32Array(projection.partitions);
    this.configure(world.scenario);
  }

  configure(s: Scenario): void {
    const cfg = s.deadLetter;
    if (cfg && !this.cfg) {
      this.used = true;
      this.u ??= stream(this.world.scenario.seed, 'deadLetter.fail');
      this.projection.setApplyHook(this);
    } else if (!cfg && this.cfg && this.retrying === 0) {
      this.projection.setApplyHook(null);
    }
    // Off with projectors still waiting for a retry: the hook stays until their waits end, so that
    // they count as held meanwhile; each event is then applied as if nothing had failed.
    this.cfg = cfg;
  }

  attempt(_ev: number, p: number): number {
    const cfg = this.cfg;
    if (!cfg) return this.applyWhileOff(p);
    const counted = this.world.engine.nowMs >= this.world.warmupMs;
    // The level held since the last attempt (at the warm-up's end, say) counts toward the most.
    if (counted && this.retrying > this.maxRetrying) this.maxRetrying = this.retrying;
    const before = this.attempts[p];
    const failed = this.u!.next() < cfg.failureRate;
    if (!failed || before + 1 >= cfg.maxAttempts) {
      if (before > 0) this.retrying--;
      this.attempts[p] = 0;
      if (counted) this.settled++;
      if (!failed) return APPLY;
      if (counted) this.deadLettered++;
      this.depth++;
      this.windowDead++;
      return DROP;
    }
    if (before === 0) this.retrying++;
    if (counted) {
      if (this.retrying > this.maxRetrying) this.maxRetrying = this.retrying;
      this.retries++;
    }
    this.attempts[p] = before + 1;
    this.windowRetries++;
    return cfg.retryDelayMs;
  }

  /** Turned off: a held event is applied at its next attempt; the hook goes once none is held. */
  private applyWhileOff(p: number): number {
    if (this.attempts[p] > 0) {
      this.attempts[p] = 0;
      this.retrying--;
    }
    if (this.retrying === 0) this.projection.setApplyHook(null);
    return APPLY;
  }

  held(): number {
    return this.retrying;
  }

  window(): { deadLetter?: DeadLetterWindow } {
    if (!this.used) return {};
    const w = { deadLettered: this.windowDead, retries: this.windowRetries, depth: this.depth, retrying: this.retrying };
    this.windowDead = this.windowRetries = 0;
    return { deadLetter: w };
  }

  snapshot(): { deadLetter?: { depth: number; retrying: number } } {
    return this.used ? { deadLetter: { depth: this.depth, retrying: this.retrying } } : {};
  }

  report(): { deadLetter?: DeadLetterReport } {
    if (!this.used) return {};
    return { deadLetter: { settled: this.settled, deadLettered: this.deadLettered, retries: this.retries, maxRetrying: this.maxRetrying } };
  }
}

/** The dead-letter queue, as a part of the model. */
export const deadLetterPart: Part = {
  name: 'deadLetterQueue',
  // Failed apply attempts and the waits after them, before the attempt that succeeded (0 without the part).
  stages: [
    {
      id: 'applyRetry',
      label: 'apply retries',
      help: "Failed apply attempts of the event and the waits before their retries (the dead-letter queue's retries).",
      vector: 'event',
      slot: V_APPLY_RETRY,
      in: ['consistencyLagMs', 'replicaLagMs'],
    },
  ],
  section: {
    name: 'deadLetter',
    help: 'A dead-letter queue after the projectors: an event whose apply keeps failing is retried a few times while its projector waits for it (and with it every partition that projector reads), then set aside so the projector moves on; it never reaches the query model.',
    fields: [
      ['failureRate', 'number', '', ['ratio', 0, 1], 'The chance that one apply attempt of an event fails (a poison message or a passing error of the query model).'],
      ['maxAttempts', 'integer', '', ['attempts', 1, 20], 'Apply attempts of one event before it goes to the dead-letter queue and never becomes visible.'],
      ['retryDelayMs', 'number', '', ['ms', 0, 60_000], 'The wait before the next attempt. The projector keeps the failed event meanwhile and takes nothing else, so the events of every partition it reads wait too.'],
    ],
    defaults: { failureRate: 0.01, maxAttempts: 3, retryDelayMs: 100 },
    page: {
      label: 'Dead-letter queue (after the projectors)',
      in: 'eventStream',
      whenOn: {},
      fields: [
        ['failureRate', 'Apply failure rate', 0.05],
        ['maxAttempts', 'Dead-letter after', 1],
        ['retryDelayMs', 'Retry delay', 50],
      ],
    },
  },
  figures: [
    ['deadLetter.settled', 'events', 'Events the projectors were done with after the warm-up: applied, or sent to the dead-letter queue (shown when the queue is on).'],
    ['deadLetter.deadLettered', 'events', 'Events sent to the dead-letter queue after the warm-up: their keys stay at an older version until a later write.'],
    ['deadLetter.retries', 'attempts', 'Failed apply attempts tried again after the warm-up, each after the retry delay.'],
    ['deadLetter.maxRetrying', 'projectors', 'Most projectors held at once by an event waiting for a retry after the warm-up: each stops its partitions meanwhile (head-of-line blocking).'],
  ],
  windowFigures: [
    ['deadLetter.deadLettered', 'events/s', 'Events sent to the dead-letter queue in the window (when it is on).'],
    ['deadLetter.retries', 'attempts/s', 'Failed apply attempts tried again in the window.'],
    ['deadLetter.depth', 'events', 'Events in the dead-letter queue at the end of the window: every dead letter so far, warm-up included.'],
    ['deadLetter.retrying', 'projectors', 'Projectors held by an event waiting for a retry at the end of the window.'],
  ],
  // A projector holds one event at a time, and one it lost in a rebalance keeps its slot until it
  // is done with it, so no more events wait for a retry than a scenario may have projectors.
  limit: { what: 'events held for a retry', max: MAX_PROJECTORS },
  noun: 'a dead-letter queue',
  charts: [
    {
      title: 'Dead-lettered and retried events per second',
      unit: 'events / s',
      help:
        'Events the projectors gave up on each second and sent to the dead-letter queue (solid), and failed apply attempts tried again (dashed). During each retry delay the projector waits with the failed event in hand, so the events of all its partitions wait and the stream lag grows; each dead-lettered event leaves its key at an older version in the read model until the key is written again. Flat at zero while the queue is off.',
      lines: [
        ['deadLetter.deadLettered', 'dead-lettered', 'var(--c3)'],
        ['deadLetter.retries', 'retried attempts', 'var(--c4)', 'dashed'],
      ],
    },
  ],
  panelRows: ['deadLetter.deadLettered', 'deadLetter.retries', 'deadLetter.maxRetrying'],
  labels: {
    words: {
      'deadLetter.settled': 'events settled',
      'deadLetter.deadLettered': 'dead-lettered',
      'deadLetter.retries': 'apply retries',
      'deadLetter.maxRetrying': 'most projectors held by a retry',
      'deadLetter.depth': 'dead-letter queue depth',
      'deadLetter.retrying': 'projectors held by a retry',
    },
  },
  create: (world: World, { projection }: PartPorts) => new DeadLetterQueue(world, projection),
};
