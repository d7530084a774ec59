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

test('turning on the circuit breaker while running fails fast during a slow spell, recorded as a change', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario(slowDependency, 'slow-dependency.json');
  await lab.setSpeed('20×');
  await lab.play();
  await lab.waitForSimTime(2);
  await lab.openPart(/^Query service:/);
  const breaker = lab.page.getByLabel('Circuit breaker (in the clients)', { exact: true });
  await breaker.click();
  await expect(breaker).toBeChecked();
  await expect(lab.page.getByLabel('Failure ratio to open', { exact: true })).toHaveValue('0.5');
  await expect(lab.page.getByRole('listitem').filter({ hasText: 'queryService.circuitBreaker =' })).toBeVisible();
  await lab.setSpeed('Fastest');
  await expect(lab.status).toHaveText('done');
  await expect(lab.page.getByRole('cell', { name: 'errors', exact: true })).toContainText('breaker open');
  const report = JSON.parse(await lab.download('Save report (JSON)'));
  expect(report.queryService.circuitBreaker.opened).toBeGreaterThan(0);
  expect(report.queryService.circuitBreaker.state).toBe('closed');
  expect(report.errors.breakerOpen).toBeGreaterThan(1000);
  await expect(lab.page.getByRole('img', { name: /^Failures by cause: 40 s of data/ })).toBeVisible();
});
