/**
 * Which figures a scenario's report will have, known before the run: so that a `--check` on a
 * figure the report lacks (a part that is off, a shard or replica past the count) is refused as
 * bad input, naming the scenario, instead of being found missing after every run has finished.
 */
import { changedScenario } from '../input/changes';
import { PARTS } from '../parts/index';
import { buildReport } from '../report';
import type { Scenario } from '../scenario';
import { Simulation } from '../simulation';
import { figuresOf } from '../study/study';

/** The figures a scenario's report can have, by their names as in --json (`writeStore.shards[0].writes`). */
export interface ReportShape {
  has(figure: string): boolean;
  /** Shards of the write store (fixed for a run). */
  readonly shards: number;
  /** Most read nodes the run may have (the primary and the replicas at the most it can reach). */
  readonly nodes: number;
}

/** The parts that may be off, named as in a sentence and listed in their order (`Part.noun`). */
const MAY_BE_OFF = PARTS.flatMap((p) => (p.noun ? [p.noun] : [])).join(', ');

const LIST = /^(writeStore\.shards|readStore\.nodes)\[(\d+)\]/;

/**
 * The report's shape without running: a Simulation is built (not run) and every intervention is
 * applied to it in order, so each part that will be on at some time of the run is on (a part,
 * once on, stays in the report: see PartRuntime.used); its report at time 0 has the run's keys.
 * Read nodes are added as replicas are, and never removed, so their count is the most replicas
 * any setting of the run allows (the replica count, or auto-scaling's maximum): a node that
 * auto-scaling may or may not reach counts as there.
 */
export function reportShape(scenario: Scenario): ReportShape {
  const sim = new Simulation(scenario, undefined, changedScenario);
  let replicas = Math.max(scenario.readStore.replicas, scenario.readStore.autoscaling?.max ?? 0);
  for (const iv of scenario.interventions) {
    // A change refused at time 0 is refused when the run reaches it too (same rule, same order).
    if (!sim.applyChange({ set: iv.set, value: iv.value }).ok) continue;
    const rs = sim.scenario.readStore;
    replicas = Math.max(replicas, rs.replicas, rs.autoscaling?.max ?? 0);
  }
  const figures = figuresOf(buildReport(sim));
  const shards = scenario.writeStore.shards;
  const nodes = 1 + replicas;
  return {
    shards,
    nodes,
    has(figure: string): boolean {
      const m = LIST.exec(figure);
      if (m === null) return figures.has(figure);
      const index = Number(m[2]);
      if (index >= (m[1] === 'writeStore.shards' ? shards : nodes)) return false;
      // The same figure of node or shard 0, which every report has.
      return figures.has(`${m[1]}[0]${figure.slice(m[0].length)}`);
    },
  };
}

/** Why `figure` is not in a report of this shape (one clause), or null when it is. */
export function missingFigure(shape: ReportShape, figure: string): string | null {
  if (shape.has(figure)) return null;
  const m = LIST.exec(figure);
  if (m?.[1] === 'writeStore.shards') return `the write store has ${shape.shards} shard${shape.shards > 1 ? 's' : ''}, numbered from 0`;
  if (m?.[1] === 'readStore.nodes') {
    return `the read store has at most ${shape.nodes} node${shape.nodes > 1 ? 's' : ''} (the primary and ${shape.nodes - 1} replica${shape.nodes === 2 ? '' : 's'}), numbered from 0`;
  }
  return `not in this report: a part that is never on (${MAY_BE_OFF}, ...) reports nothing (--json lists the figures a run has)`;
}
