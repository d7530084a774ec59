/**
 * Health checks of each service's instances by its load balancer: every `intervalMs` each
 * ready instance is probed; `unhealthyAfter` failed probes in a row mark it down (the balancer
 * stops sending it traffic), `healthyAfter` passed ones mark it up again. A slow (gray-failing)
 * instance passes its probes: only a dead one fails them. Measures crash-to-detection time.
 */
import type { Engine } from '../engine/core';
import { READY } from '../model/instanceGroup';
import type { Scenario } from '../scenario';
import type { Happenings } from './happenings';
import type { Part, PartRuntime } from './part';
import type { ServicePort } from './ports';

/** What the report says of the health checks: crash to marked down, over the run. */
export interface DetectionReport {
  count: number;
  mean: number;
  max: number;
}

declare module '../types' {
  interface Report {
    /** From a crash to the health checks marking the instance down. */
    detectionMs: DetectionReport;
  }
}

/** A service's `healthCheck` settings (its group on each service, declared below). */
export interface HealthCheckConfig {
  intervalMs: number;
  unhealthyAfter: number;
  healthyAfter: number;
}

declare module '../input/scenarioBlocks' {
  interface ServiceGroups {
    healthCheck: HealthCheckConfig;
  }
  interface ServiceGroupsInput {
    healthCheck?: Partial<HealthCheckConfig>;
  }
}

export class HealthChecks implements PartRuntime {
  /** Always on: every service's balancer checks its instances. */
  readonly used = true;
  /** Crash -> marked down by health checks, ms. */
  detectionCount = 0;
  detectionSumMs = 0;
  detectionMaxMs = 0;
  private readonly kinds: number[];
  /** Each service's settings as they stand (a live change replaces them). */
  private cfg: HealthCheckConfig[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly services: readonly ServicePort[],
    private readonly log: Happenings,
    scenario: Scenario,
  ) {
    this.configure(scenario);
    this.kinds = services.map((svc, k) => {
      const kind: number = engine.on(`${svc.name}.healthCheck`, () => this.onCheck(svc, k, kind));
      return kind;
    });
  }

  /** The first probe of each service, one interval in. */
  start(): void {
    this.services.forEach((_, k) => this.engine.schedule(this.cfg[k].intervalMs, this.kinds[k], 0));
  }

  /** Takes each service's settings; each probe reads them as they stand. */
  configure(scenario: Scenario): void {
    this.cfg = this.services.map((svc) => scenario[svc.name].healthCheck);
  }

  report(): { detectionMs: DetectionReport } {
    const n = this.detectionCount;
    return { detectionMs: { count: n, mean: n > 0 ? this.detectionSumMs / n : 0, max: this.detectionMaxMs } };
  }

  private onCheck(svc: ServicePort, k: number, kind: number): void {
    const g = svc.group;
    const now = this.engine.nowMs;
    const { unhealthyAfter, healthyAfter, intervalMs } = this.cfg[k];
    let changed = false;
    for (let i = 0; i < g.size; i++) {
      if (g.state[i] !== READY) continue;
      if (g.alive[i]) {
        g.probeFails[i] = 0;
        g.probeOks[i]++;
        if (!g.up[i] && g.probeOks[i] >= healthyAfter) {
          g.up[i] = 1;
          changed = true;
          this.log.add({ kind: 'up', what: svc.name, index: i });
        }
      } else {
        g.probeOks[i] = 0;
        g.probeFails[i]++;
        if (g.up[i] && g.probeFails[i] >= unhealthyAfter) {
          g.up[i] = 0;
          changed = true;
          const detectedMs = now - g.crashedAtMs[i];
          this.log.add({ kind: 'down', what: svc.name, index: i, afterS: detectedMs / 1000 });
          this.detectionCount++;
          this.detectionSumMs += detectedMs;
          this.detectionMaxMs = Math.max(this.detectionMaxMs, detectedMs);
        }
      }
    }
    if (changed) g.healthChanged();
    this.engine.schedule(now + intervalMs, kind, 0);
  }
}

/** The health checks, as a part of the model. */
export const healthChecksPart: Part = {
  name: 'healthChecks',
  serviceGroup: {
    name: 'healthCheck',
    optional: false,
    after: 'loadBalancer',
    help: "The load balancer's health checks: it probes each instance and stops sending it requests once it is marked down.",
    fields: [
      ['intervalMs', 'number', '', ['ms', 10, 600_000], 'Time between two health checks of each instance. Shorter finds a crash sooner.'],
      ['unhealthyAfter', 'integer', '', ['probes', 1, 100], 'Failed checks in a row before an instance is marked down. Until then requests still go to a crashed instance and fail.'],
      ['healthyAfter', 'integer', '', ['probes', 1, 100], 'Passed checks in a row before an instance marked down gets requests again.'],
    ],
    defaults: { intervalMs: 1000, unhealthyAfter: 3, healthyAfter: 2 },
    inBalancer: true,
    // Always there: the settings panel shows a heading and the fields, after the service's auto-scaling.
    page: {
      label: 'Health checks',
      whenOn: {},
      fields: [
        ['intervalMs', 'Check interval', 1],
        ['unhealthyAfter', 'Failed checks to mark down', 1],
        ['healthyAfter', 'Good checks to mark up', 1],
      ],
    },
  },
  figures: [
    ['detectionMs.count', 'crashes', "Crashes the load balancers' health checks noticed."],
    ['detectionMs.mean', 'ms', 'Mean time from a crash until the health checks marked the instance down; until then requests still go to it.'],
    ['detectionMs.max', 'ms', 'Longest time from a crash until the health checks marked the instance down.'],
  ],
  labels: { measures: { detectionMs: 'crash detection time' } },
  create: (world, { services }) => new HealthChecks(world.engine, services, world.happenings, world.scenario),
};
