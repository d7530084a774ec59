/** The command line's bad input (issue 22): exit status 2, one sentence naming the option or field, nothing run. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli, STACK, tempFile } from './helpers';

/** A scenario that would run for minutes: a refusal that comes back at all came before running it. */
const long = { version: 1, durationS: 100_000, workload: { rps: 2000 } };
const small = { version: 1, durationS: 3, warmupS: 1 };

describe('cli bad input', () => {
  it('cli refuses an intervention whose value is null on a field with a default, as the file refuses the same null', () => {
    const f = tempFile('ivnull.json', {
      version: 1,
      durationS: 10,
      queryService: { instances: 5 },
      interventions: [
        { atS: 1, set: 'queryService.instances', value: null },
        { atS: 2, set: 'workload.rps', value: null },
      ],
    });
    const r = runCli([f]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^interventions\[0\]\.value: queryService\.instances: must be a number$/m);
    expect(r.stderr).toMatch(/^interventions\[1\]\.value: workload\.rps: must be a number$/m);
    const file = runCli([tempFile('null.json', { version: 1, queryService: { instances: null } })]);
    expect(file.stderr).toMatch(/^queryService\.instances: must be a number$/m);
  });

  it('cli with --seed, --duration or --warmup refuses a deeply nested file by its depth, on either side of --compare', () => {
    const nested = tempFile('deep.json', '{"version":1,"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    const ok = tempFile('ok-deep.json', small);
    for (const args of [
      [nested, '--seed', '3'],
      [nested, '--duration', '7'],
      [nested, '--warmup', '1'],
      [ok, '--compare', nested, '--seed', '3'],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/\(scenario\): nested more than 64 levels deep/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('cli prints escape sequences in a name or an unknown key escaped, and long keys shortened with their length', () => {
    const name = 'evil\x1b[2J\x1b]0;title\x07\u202eend\u009b31m';
    const f = tempFile('esc.json', { ...small, name });
    const summary = runCli([f]);
    expect(summary.status).toBe(0);
    expect(summary.stdout.split('\n')[0]).toMatch(/^evil\\x1b\[2J\\x1b\]0;title\\x07\\u202eend\\x9b31m \(seed 1\)/);
    const json = runCli([f, '--json']);
    expect(JSON.parse(json.stdout).scenario).toBe(name);
    const study = runCli([f, '--replications', '1', '--workers', '1']);
    for (const out of [summary.stdout, json.stdout, study.stdout]) expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    const key = 'k\x1b[2J' + 'x'.repeat(100_000);
    const bad = runCli([tempFile('key.json', { version: 1, [key]: 1, queryService: { '\x1b[31mred': 1 } })]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^k\\x1b\[2Jx{75}… \(100,005 characters\): unknown field$/m);
    expect(bad.stderr).toMatch(/^queryService\.\\x1b\[31mred: unknown field$/m);
    expect(bad.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(bad.stderr.length).toBeLessThan(2000);
  });

  it('cli --workers above the machine\'s cores is refused, naming them', () => {
    const cores = availableParallelism();
    const r = runCli([tempFile('w.json', small), '--replications', '2', '--workers', String(cores + 1)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^--workers: must be a whole number from 1 to ${cores} \\(this machine's cores: os\\.availableParallelism\\(\\) is ${cores}\\), got "${cores + 1}"$`, 'm'));
  });

  it('cli --check on a figure the report does not have is refused before running', () => {
    const f = tempFile('long-check.json', long);
    for (const [check, why] of [
      ['queries.nope < 5', /^--check: queries\.nope: no such figure in the report/m],
      ['writeStore.shards[9].writes > 0', /^--check: writeStore\.shards\[9\]\.writes: the write store has 4 shards, numbered from 0$/m],
      ['seed > 0', /^--check: seed: describes the run rather than measuring it/m],
    ] as const) {
      const r = runCli([f, '--check', check], { timeoutMs: 60_000 });
      expect(r.status, check).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(why);
    }
    expect(runCli([f, '--replications', '2', '--check', 'queries.nope < 5'], { timeoutMs: 60_000 }).status).toBe(2);
  });

  it('cli refuses --json with --series - (both on standard output) in one sentence', () => {
    const r = runCli([tempFile('js.json', small), '--json', '--series', '-']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^--series: - \(standard output\) cannot go with --json, which prints the report there: write the series to a file \(--series out\.csv\)$/m);
  });

  it('cli takes a negative number as a value and refuses it by its bounds; --warmup sets the warm-up', () => {
    const f = tempFile('neg.json', { version: 1 });
    const seed = runCli([f, '--seed', '-1']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/^--seed: must be an integer from 0 to 4294967295, got "-1"$/m);
    expect(runCli([f, '--duration', '-5']).stderr).toMatch(/^--duration: must be a number of seconds above 0 and at most 1000000, got "-5"$/m);
    // The default warm-up is 5 s: --duration 5 alone is refused, and the message says how to change the warm-up.
    const short = runCli([f, '--duration', '5']);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^warmupS: must be less than durationS \(5\): a shorter warm-up with --warmup S/m);
    const r = runCli([f, '--duration', '5', '--warmup', '1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).simulatedS).toBe(5);
    expect(runCli([f, '--warmup', '-1']).stderr).toMatch(/^--warmup: must be a number of seconds from 0 and at most 1000000, got "-1"$/m);
  });
});
