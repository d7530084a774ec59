/** A change of one scenario field from the settings, a scale button or the host page. */
import type { Asker, ControllerCore } from './controllerCore';

/** Sets one scenario field; a refused value leaves a message at the field and changes nothing. */
export async function change(c: ControllerCore, path: string, value: unknown, who: Asker = {}): Promise<boolean> {
  if (c.guard?.locked(path) && !who.host) {
    c.scenario.setState((s) => ({ fieldProblems: { ...s.fieldProblems, [path]: 'is set by the course page and cannot be changed here' } }));
    return false;
  }
  const started = (c.run.getState().snapshot?.tMs ?? 0) > 0;
  const ended = c.run.getState().status === 'done';
  const r = await c.guarded(async () => {
    await c.ensureWorker();
    return c.bridge.call('change', { set: path, value });
  });
  if (!r) return false;
  const problems = { ...c.scenario.getState().fieldProblems };
  if (!r.ok) {
    problems[path] = r.problems.map((p) => (p.path === path ? p.message : `${p.path}: ${p.message}`)).join('; ');
    c.scenario.setState({ fieldProblems: problems });
    return false;
  }
  delete problems[path];
  c.scenario.setState({
    scenario: r.scenario,
    interventions: r.interventions,
    fieldProblems: problems,
    recorded: r.restarted ? 0 : r.interventions.length - c.base.interventions.length,
  });
  if (who.host) c.guard?.pin(r.scenario);
  // The field's name as the settings show it (their chunk is loaded by now in the page: whoever
  // changed a field had it open, or pressed a scale button after the first paint). The notice is
  // written only if no other was while the name loaded (Reset, a new run).
  const before = c.run.getState().notice;
  const say = (notice: string | null) => {
    if (c.run.getState().notice === before) c.run.setState({ notice });
  };
  if (r.restarted) {
    c.base = r.scenario;
    if (!started) say(null);
    else {
      const name = await c.fieldLabel(path);
      say(ended ? `The run had ended: a new run started with ${name} changed.` : `${name} cannot change during a run: a new run started with it.`);
    }
  } else {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    say(`${await c.fieldLabel(path)} set to ${shown} at ${r.atS.toFixed(3)} s, recorded as an intervention.`);
  }
  return true;
}
