/**
 * A checked study turned into runs: the scenario validated by the engine, variant B and every
 * sweep point built through the field registry (`withValue`) and validated whole, and one job per
 * (variant or point, seed). It runs in a study worker: the page's main thread validates nothing.
 */
import { parseScenario, parseSweep, seedsFor, withSeed, withValue, type Scenario } from '../../simulation/index';
import type { StudyDef, StudyKind } from './studyLink';

/** A variant (A or B) or a sweep point: its jobs are `seeds.length` in a row. */
export interface StudyGroup {
  label: string;
  /** The swept field's value at this point. */
  value?: number | string | boolean;
}

export interface StudyPlan {
  kind: StudyKind;
  name: string;
  seeds: number[];
  groups: StudyGroup[];
  /** One scenario per (group, seed), groups in order. */
  jobs: Scenario[];
  /** The swept field. */
  field?: string;
  /** The scenario as validated (variant A): what a saved study holds. */
  scenario: Scenario;
}

export type PlanResult = { ok: true; plan: StudyPlan } | { ok: false; problems: string[] };

export function planStudy(def: StudyDef): PlanResult {
  const parsed = parseScenario(def.scenario);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `scenario.${p.path}: ${p.message}`) };
  const a = parsed.scenario;
  const seeds = seedsFor(a.seed, def.replications);
  const variants: { group: StudyGroup; scenario: Scenario }[] = [];
  let field: string | undefined;
  if (def.kind === 'replications') variants.push({ group: { label: 'A' }, scenario: a });
  else if (def.kind === 'compare') {
    let b = a;
    for (const c of def.variant ?? []) {
      const v = withValue(b, c.path, c.value);
      if (!v.ok) return { ok: false, problems: [`variant B: ${v.message}`] };
      b = v.scenario;
    }
    variants.push({ group: { label: 'A' }, scenario: a }, { group: { label: 'B' }, scenario: b });
  } else {
    const spec = parseSweep(def.sweep ?? '');
    if (!spec.ok) return { ok: false, problems: [`sweep: ${spec.message}`] };
    field = spec.path;
    for (const value of spec.values) {
      const v = withValue(a, spec.path, value);
      if (!v.ok) return { ok: false, problems: [`sweep ${spec.path}=${String(value)}: ${v.message}`] };
      variants.push({ group: { label: `${spec.path}=${String(value)}`, value }, scenario: v.scenario });
    }
  }
  const jobs = variants.flatMap((v) => seeds.map((seed) => withSeed(v.scenario, seed)));
  return { ok: true, plan: { kind: def.kind, name: a.name, seeds, groups: variants.map((v) => v.group), jobs, field, scenario: a } };
}
