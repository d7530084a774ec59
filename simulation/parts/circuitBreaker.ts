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
import type { CircuitBreakerConfig, Scenario } from '../scenario';
import type { BreakerReport } from '../types';
import type { CallGuard, Clients } from './clients';
import type { Service, ServiceName } from './service';
import type { Windows } from './windows';
import type { World } from './world';

export type BreakerState = BreakerReport['state'];

export class CircuitBreaker implements CallGuard {
  readonly needsTimeouts = true;
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
export class CircuitBreakers {
  readonly byService: Partial<Record<ServiceName, CircuitBreaker>> = {};

  constructor(
    private readonly world: World,
    private readonly clients: Clients,
    private readonly services: readonly Service[],
    windows: Windows,
  ) {
    windows.errorCauses.push('breakerOpen');
    windows.isCauseShown.set('breakerOpen', () => this.used);
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

  reportFor(svc: Service): { circuitBreaker?: BreakerReport } {
    const b = this.byService[svc.name];
    if (!b) return {};
    return { circuitBreaker: { state: b.state, opened: b.opened, closed: b.closed, fastFails: svc.tally.failedBy.breakerOpen } };
  }
}
