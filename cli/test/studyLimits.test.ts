/**
 * A study honours every limit a single run honours (issue 22): --max-wall over the whole study,
 * --drain in every run, a run that stops early; a study's runs are bounded; --sweep seed runs
 * those seeds; --check applies to both sides of a comparison.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './helpers';

const small = { version: 1, durationS: 4, warmupS: 1 };

describe('cli studies and their limits', () => {
  it('cli --replications 2 --max-wall stops the study with exit 3 and says why', () => {
    const f = tempFile('long-study.json', { version: 1, durationS: 100_000, workload: { rps: 2000 } });
    // Without the limit this study runs for minutes: the spawn's own timeout (60 s) would end it with no status.
    const r = runCli([f, '--replications', '2', '--max-wall', '0.5', '--workers', '1'], { timeoutMs: 60_000 });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^study stopped: wall-clock limit of 0\.5 s reached \(--max-wall\) after [\d.]+ s; 0 of 2 runs had finished/m);
    const json = runCli([f, '--replications', '2', '--max-wall', '0.5', '--json'], { timeoutMs: 60_000 });
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout).stopped).toMatchObject({ runsFinished: 0, runs: 2 });
  });

  it('cli --drain drains every run of a study: nothing left in flight', () => {
    const f = tempFile('drain-study.json', small);
    const plain = JSON.parse(runCli([f, '--replications', '2', '--json']).stdout);
    // Without the drain a run ends with requests in flight (the check below is not empty).
    expect(plain.figures['queries.inFlight'].mean + plain.figures['commands.inFlight'].mean).toBeGreaterThan(0);
    // A --max-wall past a timer's 24.8 days is no limit at all here (a plain setTimeout would fire at once).
    const r = runCli([f, '--replications', '2', '--drain', '--json', '--max-wall', '10000000']);
    expect(r.status, r.stderr).toBe(0);
    const figures = JSON.parse(r.stdout).figures;
    expect(figures['queries.inFlight'].mean).toBe(0);
    expect(figures['commands.inFlight'].mean).toBe(0);
  });

  it('cli study: a run that stops early (a drain past its hour) stops the study with exit 3, naming the run', () => {
    // No projectors: events are never applied, so the drain cannot finish.
    const f = tempFile('stuck-study.json', { ...small, eventStream: { projectors: 0 } });
    const r = runCli([f, '--replications', '2', '--drain', '--workers', '1']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^study stopped: run 1 of 2 \(seed 1\) stopped at 3604\.0 s: the drain ran its hour of simulated time and 0 requests and \d+ events were still in flight/m);
  });

  it('cli refuses a study of more than 10,000 runs before running, naming the options', () => {
    const f = tempFile('big-study.json', small);
    const sweep = runCli([f, '--sweep', 'queryService.instances=1..200', '--replications', '100'], { timeoutMs: 60_000 });
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toMatch(/^--replications: 200 points \(--sweep\) × 100 replications make 20,000 runs, over a study's limit of 10,000/m);
    const compare = runCli([f, '--compare', f, '--replications', '6000'], { timeoutMs: 60_000 });
    expect(compare.status).toBe(2);
    expect(compare.stderr).toMatch(/^--replications: 2 scenarios \(--compare\) × 6000 replications make 12,000 runs, over a study's limit of 10,000/m);
  });

  it('cli --sweep seed=1,2,3 runs those seeds: each row is that seed\'s run', () => {
    const f = tempFile('seed-sweep.json', { ...small, durationS: 3 });
    const r = runCli([f, '--sweep', 'seed=1,2,3']);
    expect(r.status, r.stderr).toBe(0);
    const offered = (seed: number) => r.stdout.split('\n').find((l) => l.startsWith(`${seed},queries.offered,`))!.split(',')[3];
    for (const seed of [1, 2, 3]) {
      const single = JSON.parse(runCli([f, '--seed', String(seed), '--json']).stdout);
      expect(Number(offered(seed))).toBe(single.queries.offered);
    }
    expect(new Set([1, 2, 3].map(offered)).size).toBe(3);
  });

  it('cli --compare with --check checks both sides and says which', () => {
    const a = tempFile('ck-a.json', small);
    const b = tempFile('ck-b.json', { ...small, name: 'one worker', queryService: { instances: 1, vcpus: 1 } });
    const r = runCli([a, '--compare', b, '--replications', '2', '--check', 'queries.latencyMs.p99 < 50']);
    // A (four workers) passes, B (one) fails: exit 4.
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/^check passed \(A: default\): queries\.latencyMs\.p99 = [\d.]+ < 50$/m);
    expect(r.stderr).toMatch(/^check FAILED \(B: one worker\): queries\.latencyMs\.p99 = [\d.]+ not < 50$/m);
  });
});
