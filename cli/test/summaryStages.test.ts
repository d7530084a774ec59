/** The text summary's "where the time goes" lines (issue 24): the largest stages of the mean and of the p99 tail, with their ms and share. */
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario, STAGE_PATHS, STAGES, type Report, type StagedSummary } from '../../simulation/index';
import { exampleById } from '../../simulation/examples';
import { formatSummary, ms, stageList, wholeShares } from '../summary';
import { runCli } from './helpers';

interface Item {
  name: string;
  ms: number;
  share: number;
}

/** The stages a line lists, as it writes them. */
function items(line: string): Item[] {
  const list = line.slice(line.indexOf('): ') + 3);
  return list.split(', ').map((part) => {
    const m = /^([a-z -]+) (\d+(?:\.\d+)?) \((\d+)%\)$/.exec(part);
    if (!m) throw new Error(`not a stage: "${part}" in "${line}"`);
    return { name: m[1], ms: Number(m[2]), share: Number(m[3]) };
  });
}

/** Half the last digit the summary writes a number of ms to: what rounding may have moved it by. */
const halfUnit = (v: number) => (v < 10 ? 0.005 : v < 100 ? 0.05 : 0.5);
const label = (id: string) => STAGES.find((s) => s.id === id)!.label;

/** The two lines under `heading` (the class's or the lag's first line). */
function linesUnder(text: string, heading: RegExp): [string, string] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  const mean = lines.slice(at).find((l) => l.startsWith('  where the time goes'));
  const tail = lines.slice(at).find((l) => l.startsWith('  p99 tail'));
  if (!mean || !tail) throw new Error(`no stage lines under ${heading}:\n${text}`);
  return [mean, tail];
}

/** Every check on one summary's two lines against the report's figures. */
function checkLines(text: string, heading: RegExp, report: Report, summary: StagedSummary) {
  const s = summary === 'consistencyLagMs' ? report.consistencyLagMs : summary === 'queries.latencyMs' ? report.queries.latencyMs : report.commands.latencyMs;
  const [meanLine, tailLine] = linesUnder(text, heading);
  expect(meanLine).toContain(`(mean ${ms(s.mean)} ms)`);
  for (const [line, values, total] of [
    [meanLine, s.stages, s.mean],
    [tailLine, s.tailStages, s.tail.mean],
  ] as const) {
    expect(line.length, line).toBeLessThanOrEqual(160);
    const listed = items(line);
    // The shares add up to 100% (whole percents, the remainders given out so that they do).
    expect(listed.reduce((a, i) => a + i.share, 0), line).toBe(100);
    // The ms add up to the mean the line splits, within what rounding each number moved it and the stages under 0.005 ms left out.
    const slack = listed.reduce((a, i) => a + halfUnit(i.ms), 0) + 0.005 * (STAGE_PATHS[summary].ids.length - listed.length) + 1e-9;
    expect(Math.abs(listed.reduce((a, i) => a + i.ms, 0) - total), line).toBeLessThanOrEqual(slack);
    // Every stage with time in it, from the largest down (at most 4 here: no "other"); none that prints as 0.00.
    const withTime = STAGE_PATHS[summary].ids.filter((id) => values[id] >= 0.005).sort((a, b) => values[b] - values[a]);
    expect(withTime.length).toBeLessThanOrEqual(4);
    expect(listed.map((i) => i.name)).toEqual(withTime.map(label));
    for (const i of listed) expect(Math.abs(i.share - (values[STAGE_PATHS[summary].ids.find((id) => label(id) === i.name)!] / total) * 100)).toBeLessThan(1);
  }
  expect(tailLine).toContain(`${s.tail.count} ${summary === 'consistencyLagMs' ? 'changes' : 'requests'} >= `);
}

describe('cli summary: where the time goes', () => {
  it('`npm run sim -- scenarios/default.json` (20 s): each of queries, commands and the lag has its lines; the shares add to 100%, stages of 0 are left out', () => {
    const r = runCli(['scenarios/default.json', '--duration', '20', '--warmup', '5']);
    expect(r.status, r.stderr).toBe(0);
    const json = runCli(['scenarios/default.json', '--duration', '20', '--warmup', '5', '--json']);
    const report = JSON.parse(json.stdout) as Report;
    checkLines(r.stdout, /^commands: /, report, 'commands.latencyMs');
    checkLines(r.stdout, /^queries: /, report, 'queries.latencyMs');
    checkLines(r.stdout, /^consistency lag /, report, 'consistencyLagMs');
    // The default scenario has no cache, no connection waits and an asynchronous append: those stages are 0 and not named.
    expect(report.queries.latencyMs.stages.cache).toBe(0);
    expect(report.commands.latencyMs.stages.writeConnWait).toBe(0);
    expect(r.stdout).not.toMatch(/^ {2}(where|p99).*(cache|connection wait|applyRetry|apply retry)/m);
  });

  it('on the hot-shard example (20 s): the commands\' tail is write connection wait above all', () => {
    const parsed = parseScenario({ ...exampleById('hot-shard')!.scenario, durationS: 20 });
    if (!parsed.ok) throw new Error('hot-shard does not parse');
    const report = runScenario(parsed.scenario);
    const text = formatSummary(report);
    checkLines(text, /^commands: /, report, 'commands.latencyMs');
    checkLines(text, /^queries: /, report, 'queries.latencyMs');
    checkLines(text, /^consistency lag /, report, 'consistencyLagMs');
    expect(linesUnder(text, /^commands: /)[1]).toMatch(/\): write connection wait [\d.]+ \((\d+)%\)/);
  });

  it('stageList() names the 3 largest and lumps the rest as "other" past 4 stages; a summary with no sample has no lines', () => {
    const ids = ['queueWait', 'service', 'cache', 'readConnWait', 'read'];
    expect(stageList({ queueWait: 1, service: 4, cache: 0.5, readConnWait: 0.25, read: 2.25 }, ids)).toBe('service 4.00 (50%), read 2.25 (28%), queue wait 1.00 (13%), other 0.75 (9%)');
    expect(stageList({ queueWait: 1, service: 3, cache: 0, readConnWait: -1e-17, read: 0 }, ids)).toBe('service 3.00 (75%), queue wait 1.00 (25%)');
    // A stage that would print as 0.00 is left out too, unless no stage would print more.
    expect(stageList({ queueWait: 0.004, service: 3, read: 1 }, ids)).toBe('service 3.00 (75%), read 1.00 (25%)');
    expect(stageList({ queueWait: 0.004, service: 0.001 }, ids)).toBe('queue wait 0.00 (80%), service 0.00 (20%)');
    // No time in any stage (requests answered at once): the line says so rather than end at its colon.
    expect(stageList({ queueWait: 0, service: 0, read: -1e-17 }, ids)).toBe('no time in any stage');
    expect(stageList({}, ids)).toBe('no time in any stage');
    const none = parseScenario({ version: 1, durationS: 2, warmupS: 1, workload: { rps: 10, writeRatio: 0 } });
    if (!none.ok) throw new Error('does not parse');
    const report = runScenario(none.scenario);
    expect(report.commands.latencyMs.count).toBe(0);
    expect(linesUnder(formatSummary(report), /^queries: /)[0]).toMatch(/^ {2}where the time goes \(mean/);
    expect(formatSummary(report).split('\n').filter((l) => l.startsWith('  where the time goes'))).toHaveLength(1);
  });

  it('wholeShares() gives whole percents adding up to 100, each less than a point from the exact share', () => {
    for (const parts of [[1, 1, 1], [2, 1], [0.01, 5, 5, 5], [7]]) {
      const shares = wholeShares(parts);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      const total = parts.reduce((a, b) => a + b, 0);
      shares.forEach((s, i) => expect(Math.abs(s - (parts[i] / total) * 100)).toBeLessThan(1));
    }
    expect(wholeShares([1, 1, 1])).toEqual([34, 33, 33]);
  });
});
