import { describe, expect, it } from 'vitest';
import { TERMS, termsIn } from '../../lib/glossaryTerms';
import { FIELDS } from '../../../simulation/fields';
import { FIGURES } from '../../../simulation/figures';
import { DEFINITIONS } from './definitions';

describe('glossary', () => {
  it('every term has a definition, and every definition a term', () => {
    for (const t of TERMS) expect(DEFINITIONS[t.id]?.length ?? 0, t.id).toBeGreaterThan(40);
    expect(Object.keys(DEFINITIONS).sort()).toEqual(TERMS.map((t) => t.id).sort());
  });
  it('the glossary lists the terms the issue names', () => {
    const names = TERMS.map((t) => t.name.toLowerCase()).join(' | ');
    for (const w of ['projector', 'consumer group', 'partition', 'stale read', 'read-your-writes', 'p99', 'zipf', 'utilisation', 'cold start', 'command model', 'query model', 'replica', 'eventual consistency', 'backoff', 'health check', 'shard', 'hot key', 'ttl', 'invalidation']) {
      expect(names, w).toContain(w);
    }
  });
  it('termsIn() finds the terms a help text uses, specific ones first', () => {
    expect(termsIn('Projectors: the consumer group that applies events').map((t) => t.id)).toEqual(['consumer-group', 'projector']);
    expect(termsIn('nothing to see')).toEqual([]);
  });
  it('the help texts of fields and figures lead to the glossary for the jargon they use', () => {
    const linked = new Set([...FIELDS.map((f) => f.help), ...FIGURES.map((f) => f.help)].flatMap((h) => termsIn(h).map((t) => t.id)));
    for (const id of ['stale-read', 'projector', 'zipf', 'percentile', 'cold-start', 'health-check', 'replica']) expect(linked, id).toContain(id);
  });
});
