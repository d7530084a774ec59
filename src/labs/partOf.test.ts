/** A lab step that names a field opens the settings section that shows it. */
import { describe, expect, it } from 'vitest';
import { partOf } from './labActions';

describe('partOf', () => {
  it("is the settings section whose editors show the field, a part's own section included", () => {
    expect(partOf('deadLetter.failureRate')).toBe('eventStream');
    expect(partOf('deadLetter.maxAttempts')).toBe('eventStream');
    expect(partOf('pricing.sizePremium')).toBe('run');
    expect(partOf('queryService.autoscaling.target')).toBe('queryService');
    expect(partOf('commandService.healthCheck.intervalMs')).toBe('commandService');
    expect(partOf('commandService.circuitBreaker.window')).toBe('commandService');
    expect(partOf('readStore.replicationLagMs.meanMs')).toBe('readStore');
    expect(partOf('workload.keys.count')).toBe('workload');
    expect(partOf('seed')).toBe('run');
  });
});
