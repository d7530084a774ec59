import { Field } from '../components/settings/SettingsPanel';
import { labelledEditors, type FieldDef } from '../components/settings/fieldDefs';
import { useLabStore } from './labStore';

/** The editor that shows a field: its own, or the nearest enclosing one (auto-scaling's minimum is in the auto-scaling editor). */
export function editorFor(path: string, defs = labelledEditors()): FieldDef | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const d = defs.find((x) => x.path === p);
    if (d) return d;
  }
  return undefined;
}

/**
 * Embed mode's settings: only the fields a lab's steps name (or the address's `fields=`), and
 * those in `lock=` shown but disabled. Unknown paths are left out: the address is untrusted.
 */
export function LabControls({ fields, locked }: { fields: string[] | null; locked: string[] }) {
  const def = useLabStore((s) => s.def);
  // No lab, and none on its way (an unknown or unloadable lab): nothing to set up here.
  const failed = useLabStore((s) => s.def === null && s.id === null && s.message !== null);
  // Labelled with their parts: here the editors of several parts stand side by side.
  const defs = labelledEditors();
  const wanted = fields ?? (def?.steps.flatMap((s) => (s.field ? [s.field] : [])) ?? []);
  const pick = (paths: string[]) => [...new Map(paths.map((p) => editorFor(p, defs)).filter((d): d is FieldDef => d !== undefined).map((d) => [d.path, d])).values()];
  const lockedDefs = pick(locked);
  const free = pick(wanted).filter((d) => !lockedDefs.some((l) => l.path === d.path));
  return (
    <section className="panel settings lab-controls" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {free.length === 0 && lockedDefs.length === 0 && <p className="muted">{def ? 'This lab needs no settings here.' : failed ? 'No lab is open, so there is nothing to set here.' : 'Loading…'}</p>}
      {free.map((d) => (
        <Field key={d.path} def={d} />
      ))}
      {lockedDefs.length > 0 && (
        <fieldset disabled className="locked">
          <legend>Set by the course page</legend>
          {lockedDefs.map((d) => (
            <Field key={d.path} def={d} />
          ))}
        </fieldset>
      )}
    </section>
  );
}
