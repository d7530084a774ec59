import { describe, expect, it } from 'vitest';
import { hashFor, scenarioTextFromHash } from './shareLink';

describe('shareLink', () => {
  it('hashFor() and scenarioTextFromHash() round-trip a scenario, non-ASCII names included', () => {
    const s = { version: 1, name: 'flash sale – été', interventions: [{ atS: 1.5, set: 'queryService.instances', value: 4 }] };
    expect(JSON.parse(scenarioTextFromHash(hashFor(s))!)).toEqual(s);
  });
  it('scenarioTextFromHash() ignores other hashes', () => {
    expect(scenarioTextFromHash('#top')).toBeNull();
  });
});
