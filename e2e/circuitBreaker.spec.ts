import { expect, test } from './fixtures';

/** Queries only; from 10 s to 30 s the one query instance is 200 times slower, so attempts time out. */
const slowDependency = {
  version: 1,
  name: 'slow dependency',
  durationS: 40,
  warmupS: 2,
  workload: { rps: 200, writeRatio: 0, followUpReads: { ratio: 0 }, timeoutMs: 100 },
  queryService: { instances: 1, vcpus: 4, serviceTimeMs: { type: 'exponential', meanMs: 3 }, memoryPerRequestMb: 0 },
  readStore: { replicas: 0, queryLatencyMs: 0, connectionsPerReplica: 10000 },
  faults: [{ atS: 10, kind: 'slow', target: 'queryService', instance: 0, factor: 200, forS: 20 }],
};

test('turning on the circuit breaker during a run, before a slow spell, fails fast during it, recorded as a change', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario(slowDependency, 'slow-dependency.json');
  // At 2 s, by steps: turned on while the run went at 20x, the breaker came on wherever a busy
  // machine had got to, after the slow spell (10 s to 30 s) when it got past 30 s, and never opened.
  await lab.stepTo(2);
  await lab.openPart(/^Query service:/);
  const breaker = lab.page.getByLabel('Circuit breaker (in the clients)', { exact: true });
  await breaker.click();
  await expect(breaker).toBeChecked();
  await expect(lab.page.getByLabel('Failure ratio to open', { exact: true })).toHaveValue('0.5');
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'queryService.circuitBreaker =' })).toHaveText(/^2(\.\d+)? s: queryService\.circuitBreaker = /);
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done', { timeout: 0 });
  await expect(lab.page.getByRole('cell', { name: 'errors', exact: true })).toContainText('breaker open');
  const report = JSON.parse(await lab.download('Save report (JSON)'));
  expect(report.queryService.circuitBreaker.opened).toBeGreaterThan(0);
  expect(report.queryService.circuitBreaker.state).toBe('closed');
  expect(report.errors.breakerOpen).toBeGreaterThan(1000);
  await expect(lab.page.getByRole('img', { name: /^Failures by cause: 40 s of data/ })).toBeVisible();
});
