/**
 * A guided lab, as data: one per quiz question of the course section. The page reads these
 * (src/labs/defs/q1.ts ... q10.ts, loaded only when a lab opens); nothing here runs.
 */
import type { PartId } from '../state/uiStore';

/** The ids of the labs, in the quiz's question order. */
export const LAB_IDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'] as const;
export type LabId = (typeof LAB_IDS)[number];

export const isLabId = (s: unknown): s is LabId => typeof s === 'string' && (LAB_IDS as readonly string[]).includes(s);

/**
 * A chart of the page, by its id: its title in lower case with dashes (`query-latency` for "Query
 * latency"; chartId.ts). A test checks that every chart a lab names exists.
 */
export type ChartId = string;

/** One thing to do. `field` is a settings path (the page highlights it); `value` what the step asks for. */
export interface LabStep {
  text: string;
  field?: string;
  value?: unknown;
  /** A part of the topology to point at when the step has no field. */
  part?: PartId;
}

/** One condition of the check: a figure of the run (see checks.ts for the ids) compared with a limit. */
export interface CheckTerm {
  figure: string;
  op: '<' | '<=' | '>' | '>=';
  limit: number;
  /** What the figure is, in words: "query p99". */
  label: string;
  /** How to show it: ms, percent (a ratio shown as %), rps, yes or no (1 or 0), US dollars, or a plain count. */
  unit: 'ms' | '%' | 'req/s' | 'yes/no' | 'USD' | '';
}

/** A figure the debrief quotes before and after (a check term's figure, or one of `compare`). */
export interface LabFigure {
  figure: string;
  label: string;
  unit: CheckTerm['unit'];
}

/**
 * A closer look (shown under "What to notice"): where the figures come from, in the panels of
 * issue 24. `open` names the buttons: "Where the time goes", or the slowest query or command of
 * the last second in "Follow a request".
 */
export interface LabLook {
  text: string;
  open: readonly ('stages' | 'slowest-query' | 'slowest-command')[];
}

export interface LabDef {
  id: LabId;
  /** The quiz question's number (1..10). */
  n: number;
  title: string;
  /** The quiz question this lab belongs to, in a few words of our own. */
  question: string;
  /** One sentence. */
  goal: string;
  /** The starting scenario (a scenario file's content). Its name is how the page knows a run is the lab's. */
  scenario: { version: 1; name: string; [k: string]: unknown };
  prediction: { question: string; options: { id: string; text: string }[]; answer: string };
  steps: LabStep[];
  notice: { text: string; charts: ChartId[]; parts: PartId[] };
  look?: LabLook;
  check: { text: string; terms: CheckTerm[] };
  /** Figures the debrief quotes before and after besides the check's own (what the prediction was about). */
  compare?: LabFigure[];
  /**
   * Why it happened, in the course's terms: a few short paragraphs. `{after:<figure>}` and
   * `{before:<figure>}` stand for the student's own figures (ids as in a check term).
   */
  debrief: string[];
}
