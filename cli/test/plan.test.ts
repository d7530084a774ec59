/**
 * The command line's plans (issue 26): the README's example against exhaustive search, the
 * monotonicity assumption checked on every design of it, a plan split in shards and merged, and
 * --find-limit against M/M/1's closed form and on the default scenario.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmePlanArgs } from '../../simulation/bench/planBench';
import { runCli, tempFile } from './helpers';

interface Planned {
  settings: Record<string, number>;
  costUsdPerHour: number;
  holds: boolean;
}

/** M/M/1: one ideal vCPU, exponential 1 ms service, queries only, no storage delay. */
const mm1 = {
  version: 1,
  durationS: 120,
  warmupS: 20,
  workload: { rps: 100, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 1e9 },
  queryService: { instances: 1, vcpus: 1, contention: 0, coherency: 0, queueCapacity: 1_000_000, serviceTimeMs: { type: 'exponential', meanMs: 1 }, memoryPerRequestMb: 0 },
  readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10_000 },
  cache: { enabled: false },
};

describe('cli --plan', () => {
  it("the README's example: the same answer as exhaustive search, from at most half the designs; the assumption holds on every pair", () => {
    const args = readmePlanArgs(readFileSync('README.md', 'utf8'));
    expect(args).toContain('--plan');
    const plan = runCli([...args, '--json', '--workers', '2'], { timeoutMs: 600_000 });
    expect(plan.status, plan.stderr).toBe(0);
    const all = runCli([...args, '--json', '--workers', '2', '--exhaustive'], { timeoutMs: 1_200_000 });
    expect(all.status, all.stderr).toBe(0);
    const p = JSON.parse(plan.stdout).plan;
    const e = JSON.parse(all.stdout).plan;
    expect(p.best).not.toBeNull();
    expect(p.best).toEqual(e.best);
    expect(e.evaluated).toBe(e.designs);
    expect(p.evaluated).toBeLessThanOrEqual(e.evaluated / 2);
    // Monotonicity: with more of every capacity field, a design that met the targets still does.
    const ran: Planned[] = e.ran;
    const below = (a: Planned, b: Planned) => Object.keys(a.settings).every((k) => a.settings[k] <= b.settings[k]);
    for (const a of ran) for (const b of ran) if (a.holds && below(a, b)) expect(b.holds, `${JSON.stringify(a.settings)} holds, ${JSON.stringify(b.settings)} has more`).toBe(true);
    // Cost: every design that ran and met the targets costs at least the best's.
    for (const d of ran) if (d.holds) expect(d.costUsdPerHour).toBeGreaterThanOrEqual(p.best.costUsdPerHour);
  }, 1_800_000);

  it('--shard 1/3, 2/3, 3/3 then --merge: the single-machine answer, byte for byte (JSON and text)', () => {
    const f = tempFile('mmc-plan.json', { ...mm1, durationS: 20, warmupS: 5, workload: { ...mm1.workload, rps: 3000 } });
    const plan = [f, '--plan', 'queryService.queueWaitMs.mean < 0.5', '--space', 'queryService.vcpus=1..6', '--space', 'queryService.instances=1,2', '--workers', '2'];
    const single = runCli([...plan, '--json'], { timeoutMs: 600_000 });
    expect(single.status, single.stderr).toBe(0);
    const files = [1, 2, 3].map((i) => {
      const r = runCli([...plan, '--shard', `${i}/3`], { timeoutMs: 600_000 });
      expect(r.status, r.stderr).toBe(0);
      return tempFile(`shard-${i}.json`, r.stdout);
    });
    const merged = runCli(['--merge', ...files, '--json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
    const text = runCli([...plan]);
    expect(runCli(['--merge', files[2], files[0], files[1]]).stdout).toBe(text.stdout);
    // A missing shard, a shard twice, a shard of another plan: refused, naming --merge.
    expect(runCli(['--merge', files[0], files[1]]).stderr).toMatch(/^--merge: shard 3\/3 missing/m);
    expect(runCli(['--merge', files[0], files[0], files[1]]).stderr).toMatch(/^--merge: .* are both shard 1\/3/m);
    const other = runCli([f, '--plan', 'queryService.queueWaitMs.mean < 0.4', '--space', 'queryService.vcpus=1..2', '--shard', '1/3']);
    const bad = runCli(['--merge', tempFile('other.json', other.stdout), files[1], files[2]]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^--merge: .* is a share of another plan/m);
  }, 1_800_000);
});

describe('cli --find-limit', () => {
  it('M/M/1 with 1 ms service and queries.latencyMs.mean < 2: 500 req/s (1/(mu - lambda) = 2 ms) within 2%', () => {
    const r = runCli([tempFile('mm1.json', mm1), '--find-limit', 'queries.latencyMs.mean < 2', '--json', '--workers', '2'], { timeoutMs: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    const limit = JSON.parse(r.stdout).limit;
    expect(Math.abs(limit.rps - 500) / 500).toBeLessThan(0.02);
    expect(limit.ci95[0]).toBeLessThanOrEqual(limit.rps);
    expect(limit.ci95[1]).toBeGreaterThanOrEqual(limit.rps);
    expect(limit.firstToSaturate).toBe('queryService');
    expect(Math.abs(limit.utilisationAtLimit.queryService - 0.5)).toBeLessThan(0.02);
  }, 600_000);

  it('the default scenario: names the part that saturates first, and it is at least 95% busy at the limit', () => {
    const r = runCli(['scenarios/default.json', '--duration', '30', '--warmup', '5', '--find-limit', 'queryService.queueWaitMs.mean < 20', '--json', '--workers', '2'], { timeoutMs: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    const limit = JSON.parse(r.stdout).limit;
    expect(limit.firstToSaturate).toBe('queryService');
    expect(limit.estimate.firstToSaturate).toBe('queryService');
    expect(limit.utilisationAtLimit.queryService).toBeGreaterThanOrEqual(0.95);
    for (const [part, u] of Object.entries(limit.utilisationAtLimit)) if (part !== 'queryService') expect(u).toBeLessThan(limit.utilisationAtLimit.queryService);
  }, 600_000);
});
