/**
 * Circuit breakers in the clients of each service (closed, open, half-open), the way client
 * libraries such as resilience4j do it. Closed, a breaker counts the outcomes of the last
 * `window` attempts it let through and opens when at least `failureRatio` of them failed
 * (rejected, timed out, failed: anything but an answer in time). Open, it fails every attempt at
 * once (a fast-fail, counted as its own cause, `breakerOpen`): the service gets no work and the
 * clients hold nothing for a timeout. After `openS` it is half-open: `trials` attempts go
 * through; if all of them are answered in time it closes, if one fails it opens again.
 *
 * Off unless a service has `circuitBreaker` settings; then attempts get a timeout event even
 * without retries, so the breaker learns of a timeout when it happens.
 */
import type { Engine } from '../engine/core';
import { F_TRIAL, type RequestPool } from '../model/requestPool';
import type { Scenario } from '../scenario';
import type { Part, PartPorts, PartRuntime } from './part';
import type { CallGuard, Guarded, ServiceName, ServicePort } from './ports';
import type { World } from './world';

/** What the report says of one service's circuit breaker (in its clients). */
export interface BreakerReport {
  state: 'closed' | 'open' | 'halfOpen';
  /** Times it opened (from closed, or again from half-open). */
  opened: number;
  /** Times a half-open trial closed it. */
  closed: number;
  /** Attempts failed fast while it was open (counted ones, as `errors.breakerOpen`). */
  fastFails: number;
}

declare module '../types' {
  interface ServiceReport {
    /** Present only when the service's clients have a circuit breaker. */
    circuitBreaker?: BreakerReport;
  }
  interface ErrorCounts {
    /** Failed fast by an open circuit breaker; present only when a breaker was on. */
    breakerOpen?: number;
  }
}

/** A service's `circuitBreaker` settings (its group on each service, declared below). */
export interface CircuitBreakerConfig {
  failureRatio: number;
  window: number;
  openS: number;
  trials: number;
}

declare module '../input/scenarioBlocks' {
  interface ServiceGroups {
    circuitBreaker?: CircuitBreakerConfig;
  }
  interface ServiceGroupsInput {
    circuitBreaker?: Partial<CircuitBreakerConfig>;
  }
}

export type BreakerState = BreakerReport['state'];

export class CircuitBreaker implements CallGuard {
  readonly needsTimeouts = true;
  readonly cause = 'breakerOpen';
  state: BreakerState = 'closed';
  opened = 0;
  closed = 0;
  private cfg!: CircuitBreakerConfig;
  /** The last `window` outcomes (1 = failed), a ring, and how many of them failed. */
  private ring = new Uint8Array(0);
  private filled = 0;
  private next = 0;
  private failures = 0;
  private openUntilMs = 0;
  private trialsLeft = 0;
  private trialSuccesses = 0;

  constructor(
    private readonly engine: Engine,
    private readonly reqs: RequestPool,
    cfg: CircuitBreakerConfig,
  ) {
    this.configure(cfg);
  }

  configure(cfg: CircuitBreakerConfig): void {
    if (this.cfg && cfg.window === this.cfg.window) {
      this.cfg = cfg;
      return;
    }
    this.cfg = cfg;
    this.ring = new Uint8Array(cfg.window);
    this.resetWindow();
  }

  allow(id: number): boolean {
    if (this.state === 'open') {
      if (this.engine.nowMs < this.openUntilMs) return false;
      this.state = 'halfOpen';
      this.trialsLeft = this.cfg.trials;
      this.trialSuccesses = 0;
    }
    if (this.state === 'halfOpen') {
      if (this.trialsLeft === 0) return false;
      this.trialsLeft--;
      this.reqs.flags[id] |= F_TRIAL;
    }
    return true;
  }

  record(id: number, success: boolean): void {
    const trial = (this.reqs.flags[id] & F_TRIAL) !== 0;
    if (this.state === 'open') return; // answers of attempts sent before it opened
    if (this.state === 'halfOpen') {
      if (!trial) return;
      if (!success) this.trip();
      else if (++this.trialSuccesses >= this.cfg.trials) {
        this.state = 'closed';
        this.closed++;
        this.resetWindow();
      }
      return;
    }
    const failed = success ? 0 : 1;
    if (this.filled === this.ring.length) this.failures -= this.ring[this.next];
    else this.filled++;
    this.ring[this.next] = failed;
    this.failures += failed;
    this.next = (this.next + 1) % this.ring.length;
    if (this.filled === this.ring.length && this.failures >= this.cfg.failureRatio * this.ring.length) this.trip();
  }

  private trip(): void {
    this.state = 'open';
    this.opened++;
    this.openUntilMs = this.engine.nowMs + this.cfg.openS * 1000;
    this.resetWindow();
  }

  private resetWindow(): void {
    this.ring.fill(0);
    this.filled = this.next = this.failures = 0;
  }
}

/** The breakers of both services' clients, made when a scenario first asks for one. */
export class CircuitBreakers implements PartRuntime {
  readonly byService: Partial<Record<ServiceName, CircuitBreaker>> = {};
  private readonly clients: Guarded;
  private readonly services: readonly ServicePort[];

  constructor(
    private readonly world: World,
    { clients, services }: PartPorts,
  ) {
    this.clients = clients;
    this.services = services;
    this.configure(world.scenario);
  }

  /** Whether any breaker was ever on in this run (then the report and windows count fast-fails). */
  get used(): boolean {
    return Object.keys(this.byService).length > 0;
  }

  configure(s: Scenario): void {
    const guards: (CircuitBreaker | null)[] = this.services.map((svc) => {
      const cfg = s[svc.name].circuitBreaker;
      if (!cfg) return null;
      const b = this.byService[svc.name];
      if (b) b.configure(cfg);
      return (this.byService[svc.name] ??= new CircuitBreaker(this.world.engine, this.world.reqs, cfg));
    });
    this.clients.setGuards(guards[0], guards[1]);
  }

  serviceReport(svc: ServicePort): { circuitBreaker?: BreakerReport } {
    const b = this.byService[svc.name];
    if (!b) return {};
    return { circuitBreaker: { state: b.state, opened: b.opened, closed: b.closed, fastFails: svc.tally.failedBy.breakerOpen } };
  }
}

/** The circuit breaker, as a part of the model. */
export const circuitBreakerPart: Part = {
  name: 'circuitBreaker',
  serviceGroup: {
    name: 'circuitBreaker',
    optional: true,
    holdsLoadBack: true,
    help: 'A circuit breaker in the clients: while the service keeps failing, calls fail at once instead of waiting, which gives it room to recover.',
    fields: [
      ['failureRatio', 'number', '', ['ratio', '>0', 1], 'The breaker opens when at least this share of the recent attempts failed.'],
      ['window', 'integer', '', ['attempts', 1, 10_000], 'How many recent attempts the failure share is counted over.'],
      ['openS', 'number', '', ['s', '>0', 3600], 'How long the breaker stays open, failing calls at once, before it lets a few trial calls through.'],
      ['trials', 'integer', '', ['attempts', 1, 1000], 'Trial calls let through after the open time; if all are answered in time the breaker closes again.'],
    ],
    defaults: { failureRatio: 0.5, window: 20, openS: 5, trials: 3 },
    page: {
      label: 'Circuit breaker (in the clients)',
      whenOn: {},
      fields: [
        ['failureRatio', 'Failure ratio to open', 0.1],
        ['window', 'Window (attempts)', 1],
        ['openS', 'Open for', 1],
        ['trials', 'Trial attempts when half-open', 1],
      ],
    },
  },
  serviceFigures: [
    ['circuitBreaker.opened', 'times', "How often the clients' circuit breaker opened and started failing calls fast (shown when a breaker is on)."],
    ['circuitBreaker.closed', 'times', 'How often trial calls succeeded and closed the breaker again.'],
    ['circuitBreaker.fastFails', 'attempts', 'Attempts the open breaker failed at once, without calling the service.'],
  ],
  cause: {
    id: 'breakerOpen',
    reportHelp: 'Failed fast by an open circuit breaker (shown when one is on).',
    windowHelp: 'Attempts failed fast by an open circuit breaker, in the window (when one is on).',
  },
  noun: 'a circuit breaker',
  causePage: { legend: 'breaker open', color: 'var(--c1)', count: 'breaker open', chartHelp: 'an open circuit breaker', rowHelp: 'a circuit breaker open' },
  labels: {
    words: {
      'circuitBreaker.opened': 'circuit breaker opened',
      'circuitBreaker.closed': 'circuit breaker closed',
      'circuitBreaker.fastFails': 'circuit breaker fast fails',
      breakerOpen: 'circuit breaker open',
    },
  },
  create: (world, ports) => new CircuitBreakers(world, ports),
};
