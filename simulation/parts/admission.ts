/**
 * Admission control at each service's load balancer: a token bucket of `burst` tokens refilled
 * at `rps` tokens a second. An attempt that finds a whole token takes it and goes on to an
 * instance; one that finds none is shed at once, a 429-style rejection counted as its own cause
 * (`shed`), so what gets through is at most `rps` a second plus the burst, and served as by a
 * service that is not overloaded.
 *
 * Off unless a service has `admission` settings; the bucket refills lazily (no events).
 */
import type { Engine } from '../engine/core';
import type { AdmissionConfig, Scenario } from '../scenario';
import type { AdmissionReport } from '../types';
import type { Gate, Service, ServiceName } from './service';
import type { Windows } from './windows';
import type { World } from './world';

export class TokenBucket implements Gate {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly engine: Engine,
    private readonly service: Service,
    private cfg: AdmissionConfig,
  ) {
    this.tokens = cfg.burst;
    this.lastMs = engine.nowMs;
  }

  configure(cfg: AdmissionConfig): void {
    this.refill();
    this.cfg = cfg;
    this.tokens = Math.min(this.tokens, cfg.burst);
  }

  private refill(): void {
    const now = this.engine.nowMs;
    this.tokens = Math.min(this.cfg.burst, this.tokens + ((now - this.lastMs) * this.cfg.rps) / 1000);
    this.lastMs = now;
  }

  allow(id: number): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.service.outcomes.endAttempt(id, 'failed', 'shed');
    return false;
  }
}

/** The token buckets of both services' load balancers, made when a scenario first asks for one. */
export class AdmissionControl {
  readonly byService: Partial<Record<ServiceName, TokenBucket>> = {};

  constructor(
    private readonly world: World,
    private readonly services: readonly Service[],
    windows: Windows,
  ) {
    windows.errorCauses.push('shed');
    windows.isCauseShown.set('shed', () => this.used);
    this.configure(world.scenario);
  }

  /** Whether admission control was ever on in this run (then the report and windows count shed attempts). */
  get used(): boolean {
    return Object.keys(this.byService).length > 0;
  }

  configure(s: Scenario): void {
    for (const svc of this.services) {
      const cfg = s[svc.name].admission;
      if (!cfg) {
        svc.gate = null;
        continue;
      }
      const bucket = this.byService[svc.name];
      if (bucket) bucket.configure(cfg);
      svc.gate = this.byService[svc.name] ??= new TokenBucket(this.world.engine, svc, cfg);
    }
  }

  reportFor(svc: Service): { admission?: AdmissionReport } {
    return this.byService[svc.name] ? { admission: { shed: svc.tally.failedBy.shed } } : {};
  }
}
