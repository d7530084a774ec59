import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, runScenario, type Report, type WindowStats } from '../../../simulation/index';
import { STAGE_FACTS } from '../../partDeclarations';
import hotShard from '../../../scenarios/hot-shard.json' with { type: 'json' };
import { barOf, groupFigures, ranked } from './stageSplits';
import { barWords, StageBarView } from './StageBarView';
import { controlledTables } from './controlsTables';
import { StagesView } from './StagesPanel';

/** The hot-shard example, shortened to 20 s (5 s warm-up): long enough for a hot shard's queue to build. */
function hotShardRun(): { report: Report; windows: WindowStats[] } {
  const parsed = parseScenario({ ...hotShard, durationS: 20 });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const windows: WindowStats[] = [];
  const report = runScenario(parsed.scenario, (w) => windows.push(w));
  return { report, windows };
}

const run = hotShardRun();
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('stageSplits', () => {
  it("groupFigures() from the report: each bar adds up to its summary's mean and its tail's mean", () => {
    const [queries, commands, lag] = groupFigures({ report: run.report }, STAGE_FACTS);
    close(queries.mean.totalMs, run.report.queries.clientLatencyMs.mean);
    close(queries.tail.totalMs, run.report.queries.clientLatencyMs.tail.mean);
    close(commands.mean.totalMs, run.report.commands.clientLatencyMs.mean);
    close(commands.tail.totalMs, run.report.commands.clientLatencyMs.tail.mean);
    close(lag.mean.totalMs, run.report.consistencyLagMs.mean);
    close(lag.tail.totalMs, run.report.consistencyLagMs.tail.mean);
    expect(commands.tailCount).toBe(run.report.commands.clientLatencyMs.tail.count);
    // In the order a request meets them, every stage of the summary, the shares adding up to 1.
    expect(commands.mean.segments.map((s) => s.id)).toEqual(STAGE_FACTS.paths['commands.clientLatencyMs']);
    close(commands.tail.segments.reduce((a, s) => a + s.share, 0), 1);
  });

  it("groupFigures() on the hot-shard example: the commands' tail waits for a connection on the hot shard above all", () => {
    const commands = groupFigures({ report: run.report }, STAGE_FACTS)[1];
    expect(ranked(commands.tail)[0].id).toBe('writeConnWait');
    expect(ranked(commands.tail)[0].label).toBe('write connection wait');
    expect(ranked(commands.tail)[0].share).toBeGreaterThan(0.5);
  });

  it('groupFigures() from a window: the same bars from the window’s stages', () => {
    const w = run.windows[run.windows.length - 1];
    const [queries] = groupFigures({ window: w }, STAGE_FACTS);
    const sum = Object.values(w.stages.queries.clientLatencyMs.stages).reduce((a, b) => a + b, 0);
    close(queries.mean.totalMs, sum);
    close(queries.tail.totalMs, w.stages.queries.clientLatencyMs.tail.mean);
  });

  it('barOf() with no requests: a total of 0, shares of 0 (never NaN), a missing or rounding-negative stage as 0', () => {
    const bar = barOf({ queueWait: -1e-17 }, ['queueWait', 'service'], STAGE_FACTS);
    expect(bar.totalMs).toBe(0);
    expect(bar.segments.map((s) => [s.ms, s.share])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(ranked(bar)).toEqual([]);
    expect(barWords('Queries', 'mean', bar)).toBe('Queries, mean: no requests');
  });

  it('barWords() names the total, then the stages from the largest down with their ms and share', () => {
    const bar = barOf({ queueWait: 1, service: 3 }, ['queueWait', 'service'], STAGE_FACTS);
    expect(barWords('Queries', 'mean', bar)).toBe('Queries, mean: 4.00 ms in all: service 3.00 ms (75.0%), queue wait 1.00 ms (25.0%)');
  });

  it('a stage with time in it too small for two decimals reads "<0.01 ms" in the key, its tooltip and the bar\'s words, never "0.00 ms"', () => {
    const bar = barOf({ queueWait: 0.001, service: 3 }, ['queueWait', 'service'], STAGE_FACTS);
    const html = renderToStaticMarkup(createElement(StageBarView, { title: 'Queries', which: 'mean', bar }));
    expect(html).toContain('queue wait <strong>&lt;0.01 ms</strong>');
    expect(html).toContain('title="queue wait: &lt;0.01 ms"');
    expect(barWords('Queries', 'mean', bar)).toContain('queue wait <0.01 ms (0.0%)');
    expect(html).not.toContain('0.00 ms');
  });
});

describe('StagesPanel', () => {
  it('StagesPanel shows the last window while the run goes and the report once it is done, with a table of the same figures', () => {
    const last = run.windows[run.windows.length - 1];
    const view = (done: boolean, report: Report | null, w: WindowStats | null) => renderToStaticMarkup(createElement(StagesView, { done, report, last: w }));
    const live = view(false, run.report, last);
    expect(live).toContain(`Queries: time per stage, in the last second (to ${last.tS} s)`);
    const done = view(true, run.report, last);
    expect(done).toContain('Commands: time per stage, since the warm-up');
    const mean = run.report.commands.clientLatencyMs.mean;
    expect(done).toContain(`<span class="stage-total">${Math.round(mean)} ms</span>`);
    expect(done).toMatch(/aria-label="Commands, p99 tail [^"]*: \d+ ms in all: write connection wait /);
    // "Show as a table" names the tables it shows.
    expect(controlledTables(done, 'Show as a table')).toMatchObject({ holdsTable: true });
    expect(view(false, null, null)).toContain('No window yet');
    expect(view(true, null, null)).toContain('No report yet');
  });
});
