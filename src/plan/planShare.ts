/** The plan panel's Save, Share and Load: a plan as a file or a link, as a study is (studyActions.ts). */
import { scenarioForStudy } from '../app/controller';
import { downloadText, fileNameOf } from '../lib/download';
import { targetText } from './planInput';
import { planHash, planTextFromHash, readPlanText, type PlanDef } from './planLink';
import { usePlanStore } from './planStore';

/** The panel's plan, on a loaded plan's scenario or else on the page's current one. */
async function currentPlan(): Promise<PlanDef | null> {
  const s = usePlanStore.getState();
  const scenario = s.scenario ?? (await scenarioForStudy());
  if (!scenario) return null;
  return { plan: 1, targets: s.targets.map(targetText), space: s.space.map((r) => `${r.field}=${r.values.trim()}`), replications: s.replications, scenario };
}

/** Downloads the plan (targets, space, replications, scenario) as JSON. */
export async function savePlan(): Promise<void> {
  const def = await currentPlan();
  if (!def) return;
  const name = (def.scenario as { name?: unknown }).name;
  downloadText(JSON.stringify(def, null, 2) + '\n', `${fileNameOf(typeof name === 'string' ? name : '', 'scenario')}.plan.json`, 'application/json');
  usePlanStore.setState({ notice: 'Saved the plan (its question: run it again for the same answer).' });
}

/** Puts the plan in the address (`#plan=`), and copies the link if allowed. */
export async function sharePlan(): Promise<void> {
  const def = await currentPlan();
  if (!def) return;
  history.replaceState(null, '', planHash(def));
  let copied = false;
  try {
    await navigator.clipboard.writeText(location.href);
    copied = true;
  } catch {
    // No clipboard permission: the address bar holds the link anyway.
  }
  usePlanStore.setState({ notice: `The address now links to this plan${copied ? ' (copied)' : ''}.` });
}

/** Loads a plan's text (a file or a link) into the panel. Nothing runs until "Find the cheapest design". */
export function loadPlanText(text: string, source: string): boolean {
  const r = readPlanText(text);
  if (!r.ok) {
    usePlanStore.setState({ open: true, problems: r.problems, notice: `${source} was not loaded.` });
    return false;
  }
  const name = (r.scenario as { name?: unknown }).name;
  usePlanStore.setState({
    open: true,
    targets: r.targets,
    space: r.space,
    replications: r.replications,
    scenario: r.scenario,
    scenarioName: typeof name === 'string' ? name : 'unnamed',
    problems: [],
    status: 'idle',
    answer: null,
    progress: null,
    notice: `Loaded the plan from ${source}. Find the cheapest design to see its answer.`,
  });
  return true;
}

/** Loads the plan in the address, if there is one. */
export function loadPlanFromHash(hash: string): void {
  const text = planTextFromHash(hash);
  if (text !== null) loadPlanText(text, 'the link');
}

/** Plans on the page's scenario again (after a plan was loaded from a file or link). */
export function planPageScenario(): void {
  usePlanStore.setState({ scenario: null, scenarioName: null, answer: null, status: 'idle', progress: null });
}
