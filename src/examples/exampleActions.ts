/**
 * Loading an example by id (the Examples menu, `?example=`, the host API). Loaded on demand:
 * the catalogue's text and scenarios stay out of the first screen's code.
 */
import { exampleById, QUIZ_TOPICS, unknownExampleMessage, type QuizQuestion, type ResolvedExample } from '../../simulation/examples';
import * as ctl from '../app/controller';
import { useRunStore } from '../state/runStore';
import { useStudyStore } from '../study/studyStore';
import { addressWithExample, useExampleStore, type ExampleInfo } from './exampleStore';

function infoOf(r: ResolvedExample): ExampleInfo {
  const e = r.example;
  const sides = e.variants ? [{ id: e.id, label: e.label ?? e.title }, ...e.variants.map((v) => ({ id: v.id, label: v.label }))] : [];
  return { id: r.id, title: e.title, concept: e.concept, lookAt: e.lookAt, question: e.question, topic: QUIZ_TOPICS[e.question as QuizQuestion], sides };
}

/** Whether `id` names an example or one of its variants. */
export const isExampleId = (id: string): boolean => exampleById(id) !== undefined;

export type LoadExampleResult = { ok: true; id: string; title: string } | { ok: false; message: string };

/**
 * Loads the example (or variant) `id` and shows its notes. With `keepScenario` (the address also
 * held a shared link, already loaded), only the notes are shown: the link's changes are kept.
 * An unknown id is said in one sentence, and the page keeps its scenario. `host`: the host page
 * asked (its scenario sets the fields the course page locked).
 */
export async function loadExample(id: string, opts: { keepScenario?: boolean; host?: boolean } = {}): Promise<LoadExampleResult> {
  const r = exampleById(id);
  if (!r) {
    const message = unknownExampleMessage(id);
    useRunStore.setState({ notice: `${message} The page keeps its current scenario.` });
    return { ok: false, message };
  }
  if (!opts.keepScenario) {
    const notice = `Loaded the example \u201c${r.title}\u201d.`;
    if (!(await ctl.loadText(JSON.stringify(r.scenario), r.title, { host: opts.host, notice }))) return { ok: false, message: `The example ${id} did not load.` };
  }
  useExampleStore.setState({ current: infoOf(r), menuOpen: false });
  // The address names the example (a reload or a copied address brings it back); a frame leaves the host's address alone.
  if (window.self === window.top) history.replaceState(history.state, '', addressWithExample(location.href, r.id, opts.keepScenario === true));
  return { ok: true, id: r.id, title: r.title };
}

/**
 * Opens the study panel on the comparison an example makes: A its scenario as written, B its
 * (first) other side, as the variant's own changes, on common random numbers. The student then
 * sets the replications and runs it: is the difference larger than the noise?
 */
export function studyExampleSides(id: string): boolean {
  const r = exampleById(id);
  const variant = r?.example.variants?.[0];
  if (!r || !variant) return false;
  const base = exampleById(r.example.id)!;
  useStudyStore.setState({
    open: true,
    kind: 'compare',
    scenario: base.scenario,
    scenarioName: base.title,
    variant: Object.entries(variant.set).map(([path, value]) => ({ path, value })),
    result: null,
    status: 'idle',
    problems: [],
    notice: `A: ${r.example.label ?? r.example.title}; B: ${variant.label}. Set the replications and press Run study.`,
  });
  return true;
}
