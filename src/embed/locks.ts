/**
 * `lock=`: fields a course page fixes. A locked field keeps its value whatever the learner does:
 * every scenario that enters the page (a file, an example, a lab, a link) passes through the
 * controller's `loadText`, which hands it here first, and a learner's change of a locked field is
 * refused there too. The host page's own commands (`set`, `load`, `loadLab`, `loadExample`) set
 * the values the locks then hold.
 */
import type { Scenario } from '../../simulation/index';
import { fieldAt, fieldReplacedBy, getField, withField } from '../../simulation/fields';

/**
 * Fields the page may not let the learner change (embed mode's `lock=`), as the controller
 * (src/app/controller.ts) keeps them.
 */
export interface FieldGuard {
  /** The locked paths. */
  readonly paths: readonly string[];
  /** Whether a change of `path` would change a locked field. */
  locked(path: string): boolean;
  /** The locked fields take their values from `s` (the address's own scenario, or the host page's). */
  pin(s: Scenario): void;
  /** `s` with the locked fields put back to their values (and changes recorded for them dropped), and what was put back; null when nothing was. */
  enforce(s: Scenario): { scenario: Scenario; kept: string[] } | null;
}

/** Two paths overlap when one is the other or holds it (`queryService.autoscaling` holds `queryService.autoscaling.max`). */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/**
 * Whether setting `path` changes the locked path `l`: it is `l`, holds it or is part of it, or it
 * removes a field that overlaps `l` (`workload.rps` removes `workload.profile`: fields.ts).
 */
const touches = (path: string, l: string) => {
  const replaced = fieldReplacedBy(path);
  return overlaps(path, l) || (replaced !== undefined && overlaps(replaced, l));
};

/**
 * A guard for these locked paths (unknown paths dropped: the address is untrusted). It holds no
 * values until `pin` is called: the page pins once the address's own lab, example or link has
 * loaded, so what the course page's address set up is what stays.
 */
export function fieldLocks(paths: readonly string[]): FieldGuard {
  const locked = [...new Set(paths.filter((p) => fieldAt(p) !== undefined))];
  // Put back first the fields whose setting removes another (`workload.rps`), so a locked field they remove is put back after them.
  const order = [...locked].sort((a, b) => Number(fieldReplacedBy(b) !== undefined) - Number(fieldReplacedBy(a) !== undefined));
  let pinned: Map<string, unknown> | null = null;
  return {
    paths: locked,
    locked: (path) => locked.some((l) => touches(path, l)),
    pin(s) {
      pinned = new Map(order.map((p) => [p, getField(s, p)]));
    },
    enforce(s) {
      if (pinned === null) return null;
      let out: unknown = s;
      const kept: string[] = [];
      for (const [path, value] of pinned) {
        if (same(getField(out, path), value)) continue;
        const r = withField(out, path, value, true);
        if (!r.ok) continue; // not reached: locked paths are known fields, and groups on the way are created
        out = r.value;
        kept.push(path);
      }
      // A change recorded in the file or link would reach the locked field later in the run.
      const ivs = (out as Scenario).interventions ?? [];
      const dropped = ivs.filter((iv) => locked.some((l) => touches(iv.set, l)));
      if (dropped.length > 0) {
        out = { ...(out as Scenario), interventions: ivs.filter((iv) => !dropped.includes(iv)) };
        for (const iv of dropped) if (!kept.includes(iv.set)) kept.push(iv.set);
      }
      return kept.length > 0 ? { scenario: out as Scenario, kept } : null;
    },
  };
}
