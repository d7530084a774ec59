/** The CLI's list of examples (`--list-examples`): one line per example and per variant. */
import { EXAMPLES, QUIZ_TOPICS } from '../simulation/examples';

export function formatExampleList(): string {
  const ids = EXAMPLES.flatMap((e) => [e.id, ...(e.variants ?? []).map((v) => v.id)]);
  const w = Math.max(...ids.map((id) => id.length)) + 2;
  const lines = ['Examples (run one with `npm run sim -- <id>`, compare with `--compare <other id>`):', ''];
  for (const e of EXAMPLES) {
    lines.push(`  ${e.id.padEnd(w)}${e.question.padEnd(5)}${e.title}${e.label ? ` (${e.label})` : ''}`);
    for (const v of e.variants ?? []) lines.push(`  ${v.id.padEnd(w)}${e.question.padEnd(5)}  the same with: ${v.label}`);
  }
  lines.push('', 'Quiz questions (q1..q10, in the order of the course\u2019s quiz):');
  for (const [q, topic] of Object.entries(QUIZ_TOPICS)) lines.push(`  ${q.padEnd(5)}${topic}`);
  return lines.join('\n') + '\n';
}
