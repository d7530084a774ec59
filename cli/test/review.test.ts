/**
 * The command line after review (issue 22): --compare with --sweep, --check against every scenario
 * that runs, a stopped run's checks, a failed worker, the progress line, sweeps that change nothing,
 * negative-looking values.
 */
import { describe, expect, it } from 'vitest';
import { runCli, STACK, tempFile } from './helpers';

const small = { version: 1, durationS: 3, warmupS: 1 };
const USAGE = /^usage: /m;

/** Runs the CLI with a module preloaded into Node (`--import`): how a test reaches a terminal or a broken worker. */
function withPreload(name: string, code: string, args: string[]) {
  const preload = tempFile(name, code);
  return runCli(args, { env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}` } });
}

describe('cli after review', () => {
  it('cli refuses --compare with --sweep (it ran side A alone), exit 2, nothing run', () => {
    const f = tempFile('cmp-sweep.json', small);
    const r = runCli([f, '--compare', f, '--sweep', 'queryService.instances=1,2']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^--compare: cannot go with --sweep/m);
  });

  it('cli validates --check against every point of a sweep before running: a figure one point lacks is exit 2 naming the point', () => {
    const one = tempFile('shards1.json', { ...small, writeStore: { shards: 1 } });
    const four = tempFile('shards4.json', { ...small, writeStore: { shards: 4 } });
    // Valid at every point although the file has 1 shard: it runs and passes.
    const ok = runCli([one, '--sweep', 'writeStore.shards=4,8', '--check', 'writeStore.shards[3].writes >= 0']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/^check passed \(writeStore\.shards=4\): writeStore\.shards\[3\]\.writes/m);
    // Absent at point 1 although the file has 4 shards: refused before running (was: every run, then exit 4).
    for (const file of [one, four]) {
      const r = runCli([file, '--sweep', 'writeStore.shards=1,4', '--check', 'writeStore.shards[3].writes >= 0']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^--check: writeStore\.shards\[3\]\.writes: in writeStore\.shards=1, the write store has 1 shard, numbered from 0$/m);
    }
  });

  it('cli refuses a --check on a figure of a part the scenario does not have, or a read node past its count, before running', () => {
    const f = tempFile('plain.json', { ...small, readStore: { replicas: 1 } });
    for (const figure of ['errors.shed', 'queryService.circuitBreaker.opened', 'readStore.nodes[7].reads']) {
      const r = runCli([f, '--check', `${figure} >= 0`]);
      expect(r.status, `${figure}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^--check: ${figure.replace(/[.[\]]/g, '\\$&')}: `, 'm'));
    }
    // On either side of a comparison: B has admission control, A does not.
    const b = tempFile('plain-b.json', { ...small, queryService: { admission: { rps: 100, burst: 10 } } });
    const cmp = runCli([b, '--compare', f, '--check', 'errors.shed >= 0']);
    expect(cmp.status).toBe(2);
    expect(cmp.stderr).toMatch(/^--check: errors\.shed: in B: default, not in this report/m);
    // A scenario with the part: the check runs.
    const has = runCli([b, '--check', 'errors.shed >= 0']);
    expect(has.status, has.stderr).toBe(0);
  });

  it('cli: a stopped single run does not evaluate its checks and exits 3, not 4', () => {
    // No projectors: the drain cannot finish; the run stops at 3604 s.
    const f = tempFile('no-drain-check.json', { ...small, eventStream: { projectors: 0 } });
    const r = runCli([f, '--drain', '--check', 'errors.rejected > 1000000']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^run stopped at [\d.]+ s: the drain ran its hour/m);
    expect(r.stderr).toMatch(/^checks not evaluated: the run stopped early$/m);
    expect(r.stderr).not.toMatch(/^check (passed|FAILED)/m);
  });

  it('cli: a study whose worker fails prints the message and exits 1, without the usage', () => {
    const f = tempFile('worker-fails.json', small);
    const r = withPreload(
      'broken-worker.mjs',
      `import wt from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';
if (wt.isMainThread) {
  const W = wt.Worker;
  wt.Worker = class extends W { constructor() { super('throw new Error("the worker could not start")', { eval: true }); } };
  syncBuiltinESMExports();
}`,
      [f, '--replications', '2', '--workers', '1'],
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^study failed: .*the worker could not start/m);
    expect(r.stderr).not.toMatch(USAGE);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('cli on a terminal ends the progress line before the sentence of a study that stopped', () => {
    // Point 1 drains and finishes ("1 of 2 runs"); point 2 has no projectors and stops the study.
    const f = tempFile('progress-stop.json', small);
    const r = withPreload('tty.mjs', 'process.stderr.isTTY = true;', [f, '--sweep', 'eventStream.projectors=1,0', '--drain', '--workers', '1']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toContain('\r  1 of 2 runs\nstudy stopped: run 2 of 2');
  });

  it('cli refuses a sweep of a field that changes nothing in a run (name, version), exit 2', () => {
    const f = tempFile('sweep-name.json', small);
    for (const sweep of ['name=a,b', 'version=1,1']) {
      const r = runCli([f, '--sweep', sweep]);
      expect(r.status, sweep).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^--sweep: ${sweep.split('=')[0]}: changes nothing in a run`, 'm'));
    }
  });

  it('cli says which sweep points gave the same figures (a setting of a part that is off), and not when they differ', () => {
    const f = tempFile('sweep-off.json', { ...small, cache: { enabled: false } });
    const r = runCli([f, '--sweep', 'cache.ttlS=1,2,5']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^note: cache\.ttlS=1, 2, 5 gave the same figures: in this scenario the field changed nothing in these runs$/m);
    const differ = runCli([f, '--sweep', 'queryService.instances=1,3']);
    expect(differ.status, differ.stderr).toBe(0);
    expect(differ.stderr).not.toMatch(/^note: /m);
  });

  it('cli joins a negative-looking value only to a numeric option: --series -1 and --compare -3 stay errors', () => {
    const f = tempFile('neg.json', small);
    for (const args of [
      ['--series', '-1'],
      ['--compare', '-3'],
      ['--sweep', '-1'],
      ['--check', '-1'],
    ]) {
      const r = runCli([f, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^\(options\): Option '(--[a-z]+)' argument is ambiguous: To specify an option argument starting with a dash use '\1=-XYZ'\.$/m);
    }
    // A numeric option still takes it, and refuses it by its bounds.
    const seed = runCli([f, '--seed', '-1']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/^--seed: must be an integer from 0 to 4294967295, got "-1"$/m);
  });
});
