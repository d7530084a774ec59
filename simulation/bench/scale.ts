/**
 * Work per event as the instance count grows: 1,000 query instances under each load balancer,
 * with a rolling restart of every instance (a vertical change) and 400 crash and recover faults.
 * The hardening issue's target: each balancer within 3x of round-robin's wall time. And building
 * instance groups of 1,000 to 8,000 instances, which must grow linearly.
 */
import { loadBalancerAlgorithms, type LoadBalancerAlgorithm } from '../scenario';
import { runScenario, parseScenario, type Scenario } from '../index';
import { InstanceGroup } from '../model/instanceGroup';
import { stream } from '../engine/random';
import { median, rangeOf } from './measures';

export function churn(lb: LoadBalancerAlgorithm): Scenario {
  const faults = [];
  for (let i = 0; i < 200; i++) {
    faults.push({ atS: 2 + i * 0.05, kind: 'crash', target: 'queryService', instance: (i * 37) % 1000 });
    faults.push({ atS: 3 + i * 0.05, kind: 'recover', target: 'queryService', instance: (i * 37) % 1000 });
  }
  const r = parseScenario({
    version: 1,
    name: `1,000 instances, ${lb}`,
    durationS: 30,
    warmupS: 1,
    workload: { rps: 20_000, writeRatio: 0.05 },
    queryService: {
      instances: 1000,
      vcpus: 2,
      loadBalancer: { algorithm: lb, healthCheck: { intervalMs: 500, unhealthyAfter: 2, healthyAfter: 1 } },
      restartS: 0.01,
    },
    faults: faults.sort((a, b) => a.atS - b.atS),
    interventions: [{ atS: 1.5, set: 'queryService.vcpus', value: 4 }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

function wall(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Prints each balancer's time against round-robin's, and construction times. The balancers run
 * in turns (one run of each per round, 5 rounds after a warm-up round) and each ratio is the
 * median of the rounds' ratios: run one balancer after another, a change in the machine's speed
 * between them moved a ratio by up to 1.8x (least-connections read 3.07x once, 1.28x and 2.48x
 * when run again).
 */
export function benchScale(): void {
  const scenarios = loadBalancerAlgorithms.map((lb) => [lb, churn(lb)] as const);
  for (const [, s] of scenarios) runScenario(s); // warm-up
  const rounds = Array.from({ length: 5 }, () => new Map(scenarios.map(([lb, s]) => [lb, wall(() => runScenario(s))])));
  for (const [lb] of scenarios) {
    const ratios = rounds.map((r) => r.get(lb)! / r.get('round-robin')!);
    const ms = median(rounds.map((r) => r.get(lb)!));
    console.log(
      `scale: 1,000 instances, rolling restart and 400 faults, ${lb}: ${ms.toFixed(0)} ms, ${median(ratios).toFixed(2)}x round-robin ` +
        `(median of 5 rounds, ${rangeOf(ratios)}; target <= 3x)`,
    );
  }
  const cfg = churn('round-robin').queryService;
  const build = (n: number) => median([0, 1, 2, 3, 4].map(() => wall(() => new InstanceGroup({ ...cfg, instances: n }, stream(1, 'lb'), 1))));
  build(1000);
  const sizes = [1000, 2000, 4000, 8000];
  const built = sizes.map(build);
  console.log(
    `scale: building ${sizes.join(', ')} instances: ${built.map((ms) => ms.toFixed(2)).join(', ')} ms ` +
      `(8,000 / 1,000 = ${(built[3] / built[0]).toFixed(1)}x; linear is 8x, quadratic 64x)`,
  );
}
