import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { parseScenario, Simulation, type Trace } from '../../../simulation/index';
import { STAGE_FACTS } from '../../partDeclarations';
import { waterfallOf } from './waterfall';
import { FollowView, REPLAYING } from './FollowPanel';
import { controlledTables } from '../stages/controlsTables';

/** Traces of every 10th request of a short run with two replicas and retries after timeouts. */
function traces(): Trace[] {
  const parsed = parseScenario({ version: 1, durationS: 4, warmupS: 1, workload: { rps: 300, writeRatio: 0.5, timeoutMs: 8, retries: { max: 2, backoffMs: 2 } }, readStore: { replicas: 2 } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const sim = new Simulation(parsed.scenario);
  const tracer = sim.trace({ every: 10 });
  sim.run();
  return tracer.done;
}

const all = traces();
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('waterfallOf', () => {
  it('waterfallOf(): the top rows (attempts, back-offs) tile the latency from 0, and each attempt\'s stages tile the attempt', () => {
    expect(all.length).toBeGreaterThan(50);
    for (const t of all) {
      const w = waterfallOf(t, STAGE_FACTS);
      const top = w.rows.filter((r) => r.depth === 0);
      near(top[0].startMs, 0);
      for (let k = 1; k < top.length; k++) near(top[k].startMs, top[k - 1].endMs);
      near(top.at(-1)!.endMs, w.latencyMs);
      const root = t.spans.find((s) => s.parent === 0)!;
      near(w.latencyMs, root.endMs - root.startMs);
      expect(w.axisMs).toBeGreaterThanOrEqual(w.latencyMs);
    }
  });

  it("waterfallOf() of a command goes on to its write being visible on the last replica, that copy on the critical path and the other not", () => {
    const commands = all.filter((t) => t.kind === 'command').map((t) => waterfallOf(t, STAGE_FACTS));
    const seen = commands.filter((w) => w.visible);
    expect(seen.length).toBeGreaterThan(20);
    for (const w of seen) {
      const copies = w.rows.filter((r) => r.label.startsWith('visible on replica'));
      expect(copies).toHaveLength(2);
      expect(copies.filter((r) => r.critical)).toHaveLength(1);
      const last = copies.reduce((m, r) => (r.endMs > m.endMs ? r : m));
      expect(last.critical).toBe(true);
      expect(w.visible!.where).toBe(`read replica ${last.label.replace('visible on replica ', '')}`);
      near(w.visible!.atMs, last.endMs);
      near(w.axisMs, Math.max(w.latencyMs, last.endMs));
      const vis = w.rows.find((r) => r.label === 'visible everywhere (from the commit)')!;
      near(w.visible!.lagMs, vis.endMs - vis.startMs);
      expect(w.visible!.primaryLagMs).toBeLessThanOrEqual(w.visible!.lagMs);
      expect(w.rows.some((r) => r.label === 'partition wait' && r.where.startsWith('event stream, partition '))).toBe(true);
    }
    // The retries of this scenario: some request took more than one attempt, with a back-off between.
    expect(all.some((t) => waterfallOf(t, STAGE_FACTS).rows.some((r) => r.label === 'retry back-off'))).toBe(true);
  });
});

describe('FollowView', () => {
  const render = (props: Partial<Parameters<typeof FollowView>[0]>) =>
    renderToStaticMarkup(createElement(FollowView, { status: 'paused', following: null, followed: null, onFollow: () => {}, ...props }));
  it('FollowView says what it waits for, and draws the followed request with its latency, its table and its write’s visibility', () => {
    expect(render({ following: 'command' })).toContain('Following the next command: play or step the run to see it.');
    expect(render({ following: 'query', status: 'done' })).toContain('The run ended before the next query was done.');
    const t = all.find((x) => x.kind === 'command' && waterfallOf(x, STAGE_FACTS).visible)!;
    const w = waterfallOf(t, STAGE_FACTS);
    const html = render({ followed: t });
    expect(html).toContain(`Command ${t.request} (at `);
    expect(html).toContain('Stages of Command');
    expect(html).toMatch(/Visible on read replica \d at \+[\d.]+ ms after its commit/);
    expect(html.match(/class="wf-row"/g)).toHaveLength(w.rows.length);
    expect(controlledTables(html, 'Show the stages as a table')).toMatchObject({ holdsTable: true });
  });

  it('FollowView says it is tracing while the run is replayed for the slowest request (the panel busy), and not once its trace has come', () => {
    const note = 'The slowest query answered from 2 s to 3 s, of all the queries answered then.';
    const busy = render({ followNote: note, replaying: true });
    expect(busy).toContain(`${note} ${REPLAYING}`);
    expect(busy).toContain('aria-busy="true"');
    const t = all.find((x) => x.kind === 'query')!;
    const came = render({ followNote: note, replaying: true, followed: t });
    expect(came).toContain(`<p role="status" class="muted">${note}</p>`);
    expect(came).toContain('aria-busy="false"');
  });
});
