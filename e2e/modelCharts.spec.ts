import { expect, test } from './fixtures';

/**
 * The charts that keep a run honest: what the client waited beside the per-attempt latency, the
 * share of attempts not answered beside the percentiles, the lag to every replica beside the lag
 * to the read model, and the read store's load.
 */
test('latency, unanswered shares, replica lag and read store load are charted', async ({ lab }) => {
  await lab.goto();
  await lab.loadScenario({
    version: 1,
    durationS: 20,
    warmupS: 1,
    workload: { rps: 400, timeoutMs: 50, retries: { max: 2, backoffMs: 20 } },
    queryService: { instances: 1, vcpus: 1 },
    readStore: { replicationLagMs: 500 },
  });
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done');
  const chart = (name: string) => lab.page.getByRole('img', { name: new RegExp(`^${name}: 20 s of data, at 20 s `) });
  // One query vCPU at 3 ms per query cannot keep up with 320 queries/s: many time out or are rejected.
  await expect(chart('Query latency')).toHaveAttribute('aria-label', /p99 [\d.]+, client p50 [\d.]+, client p99 [\d.]+/);
  const shares = await chart('Query attempts not answered').getAttribute('aria-label');
  const timedOut = Number(/timed out (\d+)%/.exec(shares!)![1]);
  const rejected = Number(/rejected (\d+)%/.exec(shares!)![1]);
  expect(timedOut + rejected).toBeGreaterThan(5);
  await expect(chart('Command attempts not answered')).toBeVisible();
  // A constant 500 ms replication lag: every replica sees a change at least 500 ms after its commit.
  const lag = await chart('Consistency lag and stream lag').getAttribute('aria-label');
  expect(Number(/every replica p50 ([\d.]+)/.exec(lag!)![1])).toBeGreaterThanOrEqual(500);
  await expect(chart('Utilisation')).toHaveAttribute('aria-label', /read store \d+%/);
});
