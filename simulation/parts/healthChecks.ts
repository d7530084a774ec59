/**
 * Health checks of each service's instances by its load balancer: every `intervalMs` each
 * ready instance is probed; `unhealthyAfter` failed probes in a row mark it down (the balancer
 * stops sending it traffic), `healthyAfter` passed ones mark it up again. A slow (gray-failing)
 * instance passes its probes: only a dead one fails them. Measures crash-to-detection time.
 */
import type { Engine } from '../engine/core';
import { READY } from '../model/instanceGroup';
import type { Service } from './service';
import type { Happenings } from './happenings';

export class HealthChecks {
  /** Crash -> marked down by health checks, ms. */
  detectionCount = 0;
  detectionSumMs = 0;
  detectionMaxMs = 0;
  private readonly kinds: number[];

  constructor(
    private readonly engine: Engine,
    private readonly services: readonly Service[],
    private readonly log: Happenings,
  ) {
    this.kinds = services.map((svc) => {
      const kind: number = engine.on(`${svc.name}.healthCheck`, () => this.onCheck(svc, kind));
      return kind;
    });
  }

  /** The first probe of each service, one interval in. */
  start(): void {
    this.services.forEach((svc, k) => this.engine.schedule(svc.group.health.intervalMs, this.kinds[k], 0));
  }

  private onCheck(svc: Service, kind: number): void {
    const g = svc.group;
    const now = this.engine.nowMs;
    const { unhealthyAfter, healthyAfter, intervalMs } = g.health;
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
