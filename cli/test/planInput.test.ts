/**
 * The plan options are checked like every other option (issue 26): bad input exits 2 before
 * anything runs, one line per problem naming the option; the limits of a study (its runs,
 * --max-wall) bound a plan too.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args';
import { runCli, tempFile } from './helpers';

const small = { version: 1, durationS: 4, warmupS: 1 };
const target = ['--plan', 'queries.latencyMs.p99 < 50'];

describe('cli plan options', () => {
  it('refuses bad plan, space, shard and merge options, each problem naming its option (checked with the other options)', () => {
    const problems = (args: string[]) => {
      const p = parseCommandLine(['s.json', ...args]);
      return p.kind === 'bad' ? p.problems.map((x) => `${x.path}: ${x.message}`).join('\n') : '';
    };
    const cases: [string[], RegExp][] = [
      [target, /^--plan: needs a design space: one --space field=values or more/m],
      [['--space', 'queryService.instances=1..3'], /^--space: goes with --plan/m],
      [['--plan', 'queries.latencyMs.p99 == 5', '--space', 'queryService.instances=1..3'], /^--plan: "queries.latencyMs.p99 == 5": a target keeps a figure on one side of a limit/m],
      [['--plan', 'p99 below 5', '--space', 'queryService.instances=1..3'], /^--plan: "p99 below 5" is not a target such as/m],
      [[...target, ...target, '--space', 'queryService.instances=1..3'], /^--plan: "queries.latencyMs.p99 < 50" is given twice/m],
      [[...target, '--space', 'nope=1..3'], /^--space: nope: unknown field/m],
      [[...target, '--space', 'queryService.instances=1,1'], /^--space: queryService\.instances: a value is listed twice/m],
      [[...target, '--space', 'seed=1..3'], /^--space: seed: a plan runs every design on the same seeds/m],
      [[...target, '--space', 'queryService.instances=1..3', '--replications', '1'], /^--replications: --plan needs at least 2/m],
      [[...target, '--space', 'queryService.instances=1..3', '--shard', '4/3'], /^--shard: must be I\/N with 1 <= I <= N <= 1000 \(such as 2\/3\), got "4\/3"/m],
      [[...target, '--space', 'queryService.instances=1..3', '--shard', 'one'], /^--shard: must be I\/N/m],
      [[...target, '--space', 'queryService.instances=1..3', '--sweep', 'queryService.vcpus=1..2'], /^--sweep: cannot go with --plan/m],
      [[...target, '--space', 'queryService.instances=1..3', '--check', 'queries.latencyMs.p99 < 5'], /^--check: cannot go with --plan: the targets are the --plan options/m],
      [['--exhaustive'], /^--exhaustive: goes with --plan/m],
      [['--find-limit', 'queries.latencyMs.p99 < 50', '--space', 'queryService.instances=1..3'], /^--space: goes with --plan, not --find-limit/m],
      [['--find-limit', 'queries.latencyMs.p99 < 50', ...target], /^--find-limit: cannot go with --plan/m],
      [['--find-limit', 'queries.latencyMs.p99 != 50'], /^--find-limit: .* not !=/m],
      [['--find-limit', 'queries.latencyMs.p99 < 50', '--compare', 'b.json'], /^--compare: cannot go with --find-limit/m],
      [['--merge', 'x.json', '--plan', 'x < 1'], /^--merge: takes the shards' result files only .* not --plan/m],
    ];
    for (const [args, message] of cases) expect(problems(args), args.join(' ')).toMatch(message);
    // --merge needs no scenario: its files are the positionals.
    expect(parseCommandLine(['--merge', 'a.json', 'b.json'])).toMatchObject({ kind: 'run', args: { plan: { kind: 'merge', files: ['a.json', 'b.json'] } } });
  });

  it('refuses, exit 2 before running, what needs the scenario: a figure its reports lack, a value it refuses, too many designs or runs', () => {
    const f = tempFile('plan-small.json', small);
    const cases: [string[], RegExp][] = [
      [[f, '--plan', 'bogus.figure < 5', '--space', 'queryService.instances=1..3'], /^--plan: bogus\.figure: no such figure in the report/m],
      [[f, '--plan', 'queryService.circuitBreaker.opened < 5', '--space', 'queryService.instances=1..3'], /^--plan: queryService\.circuitBreaker\.opened: /m],
      [[f, ...target, '--space', 'queryService.instances=1..3', '--space', 'queryService.instances=4'], /^--space: queryService\.instances: given twice/m],
      [[f, ...target, '--space', 'queryService.vcpus=1,500'], /^--space: queryService\.vcpus=500: /m],
      [[f, ...target, '--space', 'queryService.instances=1..100', '--space', 'queryService.vcpus=1..101'], /^--space: the fields' values make 10100 designs, over a plan's limit of 10000/m],
      [[f, ...target, '--space', 'queryService.instances=1..100', '--space', 'queryService.vcpus=1..10', '--replications', '5'], /^--replications: 1,000 designs that can keep up × up to 4 × 5 replications make up to 20,000 runs, over a study's limit of 10,000/m],
      [[f, '--find-limit', 'queries.latencyMs.p99 < 50', '--replications', '100'], /^--replications: --find-limit probes up to 30 rates/m],
      [['--merge', '/no/such/shard.json'], /^--merge: \/no\/such\/shard\.json: cannot read the file \(ENOENT\)/m],
      [['--merge', f], /^--merge: .*plan-small\.json: not a shard's result/m],
      [[tempFile('scaled.json', { ...small, queryService: { autoscaling: { metric: 'cpu', target: 0.6 } } }), ...target, '--space', 'queryService.vcpus=1..2'], /^--plan: queryService\.autoscaling is set: a plan compares fixed topologies/m],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  }, 600_000);

  it('--max-wall bounds a plan: exit 3, saying why, no answer', () => {
    const f = tempFile('plan-long.json', { version: 1, durationS: 100_000, workload: { rps: 2000 } });
    const r = runCli([f, ...target, '--space', 'queryService.instances=2..3', '--max-wall', '0.5', '--json', '--workers', '1'], { timeoutMs: 120_000 });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).plan.stopped).toMatchObject({ evaluated: 0, runsFinished: 0 });
    expect(r.stderr).toMatch(/^plan stopped: wall-clock limit of 0\.5 s reached \(--max-wall\), after 0 designs and 0 runs: no answer/m);
    const limit = runCli([f, '--find-limit', 'queries.latencyMs.p99 < 50', '--max-wall', '0.5', '--json', '--workers', '1'], { timeoutMs: 120_000 });
    expect(limit.status).toBe(3);
    expect(JSON.parse(limit.stdout).limit.stopped).toMatchObject({ runsFinished: 0 });
    expect(limit.stderr).toMatch(/^find-limit stopped: wall-clock limit of 0\.5 s reached \(--max-wall\)/m);
  }, 120_000);

  it('a space where no design meets the targets: best null with a reason, exit 4', () => {
    const f = tempFile('plan-none.json', small);
    const r = runCli([f, '--plan', 'queries.latencyMs.p99 < 0.001', '--space', 'queryService.instances=1..2', '--json', '--workers', '1']);
    expect(r.status, r.stderr).toBe(4);
    const plan = JSON.parse(r.stdout).plan;
    expect(plan.best).toBeNull();
    expect(plan.reason).toMatch(/^no design of the 2 in the space meets the targets: 2 designs ran and none met every target with 95% confidence/);
  }, 120_000);
});
