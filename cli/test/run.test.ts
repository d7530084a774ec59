/** A single run from the command line (issue 22): a drain that cannot finish says so; the help and the summary read well. */
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from './helpers';

describe('cli single run', () => {
  it('cli --drain that cannot finish in its hour stops the run: exit 3, `stopped` in the report and a line on standard error', () => {
    // No projectors: committed events are never applied, so the system never goes quiet.
    const f = tempFile('no-drain.json', { version: 1, durationS: 4, warmupS: 1, eventStream: { projectors: 0 } });
    const r = runCli([f, '--drain', '--json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.stopped.atS).toBe(3604);
    expect(report.stopped.reason).toMatch(/^the drain ran its hour of simulated time and 0 requests and \d+ events were still in flight$/);
    expect(r.stderr).toMatch(/^run stopped at 3604\.0 s: the drain ran its hour of simulated time/m);
    // A drain that finishes is not a stop.
    const ok = runCli([tempFile('drains.json', { version: 1, durationS: 4, warmupS: 1 }), '--drain', '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).stopped).toBeUndefined();
  });

  it('cli --help shows the name the command was started by', () => {
    const direct = runCli(['--help']);
    expect(direct.stdout).toMatch(/^usage: npx tsx cli\/cli\.ts <scenario\.json/);
    expect(direct.stdout).toMatch(/^ {2}npx tsx cli\/cli\.ts flash-sale$/m);
    expect(direct.stdout).not.toContain('npm run');
    const npm = runCli(['--help'], { env: { ...process.env, npm_lifecycle_event: 'sim' } });
    expect(npm.stdout).toMatch(/^usage: npm run -s sim -- <scenario\.json/);
    expect(npm.stdout).toMatch(/^ {2}npm run -s sim -- flash-sale$/m);
    for (const o of ['--warmup', '--workers', '10,000 runs']) expect(direct.stdout).toContain(o);
  });

  it('cli summary rounds simulated seconds and scaling times (no 69.49893289944616 s)', () => {
    const f = tempFile('scaling.json', {
      version: 1,
      durationS: 12,
      warmupS: 1,
      workload: { rps: 2000 },
      queryService: { autoscaling: { metric: 'cpu', target: 0.5, intervalS: 1.3, cooldownOutS: 0 } },
    });
    const r = runCli([f, '--drain']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^default \(seed 1\): 12\.\d{1,3} s simulated/);
    expect(r.stdout).toMatch(/scaling actions \(last: \d+ -> \d+ at [\d.]+ s/);
    expect(r.stdout).not.toMatch(/\d\.\d{5,}/);
  });
});
