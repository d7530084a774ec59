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
import type { Scenario } from '../scenario';
import type { Part, PartPorts, PartRuntime } from './part';
import type { Gate, ServiceName, ServicePort } from './ports';
import type { World } from './world';

/** What the report says of one service's admission control (at its load balancer). */
export interface AdmissionReport {
  /** Attempts shed (counted ones, as `errors.shed`). */
  shed: number;
}

declare module '../types' {
  interface ServiceReport {
    /** Present only when the service's load balancer has admission control. */
    admission?: AdmissionReport;
  }
  interface ErrorCounts {
    /** Turned away by admission control (429); present only when it was on. */
    shed?: number;
  }
}

/** A service's `admission` settings (its group on each service, declared below): a rate must be given. */
export interface AdmissionConfig {
  rps: number;
  burst: number;
}

declare module '../input/scenarioBlocks' {
  interface ServiceGroups {
    admission?: AdmissionConfig;
  }
  interface ServiceGroupsInput {
    admission?: { rps: number; burst?: number };
  }
}

export class TokenBucket implements Gate {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly engine: Engine,
    private readonly service: ServicePort,
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
export class AdmissionControl implements PartRuntime {
  readonly byService: Partial<Record<ServiceName, TokenBucket>> = {};
  private readonly services: readonly ServicePort[];

  constructor(
    private readonly world: World,
    { services }: PartPorts,
  ) {
    this.services = services;
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

  serviceReport(svc: ServicePort): { admission?: AdmissionReport } {
    return this.byService[svc.name] ? { admission: { shed: svc.tally.failedBy.shed } } : {};
  }
}

/** Admission control, as a part of the model. */
export const admissionPart: Part = {
  name: 'admission',
  serviceGroup: {
    name: 'admission',
    optional: true,
    holdsLoadBack: true,
    help: 'Admission control: a rate limit at the load balancer; requests beyond it are turned away (429) rather than queued.',
    fields: [
      ['rps', 'number', '', ['rps', '>0', 10_000_000], "Requests per second the load balancer lets in (a token bucket's refill rate); the rest are turned away with 429 to protect the instances."],
      ['burst', 'number', '', ['tokens', 1, 1_000_000], "Burst: how many requests may pass at once after a quiet spell (the bucket's size)."],
    ],
    defaults: { burst: 10 },
    page: {
      label: 'Admission control (rate limit)',
      whenOn: { rps: 200 },
      fields: [
        ['rps', 'Admitted rate', 50],
        ['burst', 'Burst', 1],
      ],
    },
  },
  serviceFigures: [['admission.shed', 'attempts', "Attempts turned away (429) by the load balancer's rate limit, to protect the instances (shown when it is on)."]],
  cause: {
    id: 'shed',
    reportHelp: 'Turned away by admission control with 429 (shown when it is on).',
    windowHelp: 'Attempts shed by admission control, in the window (when it is on).',
  },
  noun: 'admission control',
  causePage: { legend: 'shed (429)', color: 'var(--c2)', count: 'shed', chartHelp: 'shed by admission control', rowHelp: 'shed by admission control' },
  labels: { words: { 'admission.shed': 'shed by admission control', shed: 'shed (429)' } },
  create: (world, ports) => new AdmissionControl(world, ports),
};
