/**
 * Human labels for figure ids: "Query p99 latency" for `queries.latencyMs.p99`. A rule, not a
 * second list: the id's parts are put into words (a subject, what is measured, a statistic), so
 * a figure added to the registry gets a label without anyone writing one. Zod-free and small.
 * A part gives the words for its own figures in its module (`Part.labels`; a built-in part's in
 * `parts/decl/`), so this module names no part.
 */
import { PARTS } from '../parts';
import { BUILTIN_LABELS } from '../parts/decl';

/** A lookup table without a prototype: only its own words are found (never `constructor` and the like). */
const table = (words: Record<string, string>): Record<string, string> => Object.assign(Object.create(null) as Record<string, string>, words);

/** What the first part of an id is about: each part says it of its own figures. */
const SUBJECT = table(BUILTIN_LABELS.subjects);

/** Distributions summarised by count, mean and percentiles: the thing measured. */
const MEASURE = table({
  ...BUILTIN_LABELS.measures,
  ...Object.assign({}, ...PARTS.map((p) => p.labels?.measures ?? {})),
});

const STAT = table({ mean: 'mean', p50: 'p50 (median)', p95: 'p95', p99: 'p99', max: 'greatest', min: 'least', count: 'samples of' });

/** Words for single parts of an id (the last part, most often). */
const WORD = table({
  atS: 'time',
  count: 'how many',
  // The parts' own words: the built-in parts' declarations', then the contract parts' modules'.
  ...BUILTIN_LABELS.words,
  ...Object.assign({}, ...PARTS.map((p) => p.labels?.words ?? {})),
});

/** "maxLagEvents" -> "max lag events": the fallback for a part no table names. */
function words(part: string): string {
  return part
    .replace(/\[\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/\bMs\b/, '(ms)')
    .toLowerCase();
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A label for figure `id` (list indices written `[]`): never empty, never the id itself. */
export function figureLabel(id: string): string {
  const parts = id.split('.');
  let subject = '';
  let rest = parts;
  if (parts.length > 1 && SUBJECT[parts[0]] !== undefined) {
    subject = SUBJECT[parts[0]];
    rest = parts.slice(1);
  }
  const last = rest[rest.length - 1];
  const measureAt = rest.findIndex((p) => MEASURE[p] !== undefined);
  let body: string;
  if (measureAt >= 0 && measureAt === rest.length - 2 && STAT[last] !== undefined) {
    body = `${STAT[last]} ${MEASURE[rest[measureAt]]}`;
  } else if (measureAt >= 0 && measureAt === rest.length - 2) {
    body = `${MEASURE[rest[measureAt]]}: ${WORD[last] ?? words(last)}`;
  } else {
    const key = rest.join('.');
    body = WORD[key] ?? rest.map((p) => WORD[p] ?? words(p)).join(' ');
  }
  // "Replica replica lag" and the like: a subject the body already names is left out.
  if (subject && body.toLowerCase().includes(subject.replace(':', '').toLowerCase())) subject = '';
  const label = subject ? `${subject} ${body}` : body;
  return capital(label.trim() || words(id));
}
