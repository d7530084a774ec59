import { PARTS } from '../simulation/parts';
import { expect, test } from './fixtures';

/** The page's own charts (`src/components/charts/chartDefs.ts`). */
const PAGE_CHARTS = [
  'Command throughput',
  'Query throughput',
  'Command latency',
  'Command attempts not answered',
  'Query latency',
  'Query attempts not answered',
  'Consistency lag and stream lag',
  'Utilisation',
  'Queue length',
  'Instances',
  'Failures by cause',
  'Cost',
  'Cache hit ratio and stale reads',
];
/** Then each part's own charts, as the parts list declares them (`Part.charts`), the dead-letter queue's among them. */
const CHARTS = [...PAGE_CHARTS, ...PARTS.flatMap((p) => (p.charts ?? []).map((c) => c.title))];

test('every chart gains data while the default scenario runs', async ({ lab }) => {
  await lab.goto();
  expect(CHARTS.length).toBeGreaterThan(PAGE_CHARTS.length);
  for (const title of CHARTS) await expect(lab.page.getByRole('img', { name: `${title}: 0 s of data` })).toBeVisible();
  // No chart beside these: the page shows exactly the charts the list names.
  await expect(lab.page.locator('.charts figure.chart figcaption')).toHaveText(CHARTS);
  await lab.setSpeed('20×');
  await lab.play();
  await lab.waitForSimTime(5);
  for (const title of CHARTS) {
    await expect(lab.page.getByRole('img', { name: new RegExp(`^${title}: [1-9]\\d* s of data, at `) })).toBeVisible();
  }
});

test('hovering a chart shows the values at that time', async ({ lab }) => {
  await lab.goto();
  await lab.setSpeed('Fastest');
  await lab.play();
  await expect(lab.status).toHaveText('done');
  // The final report appears above the charts when a run ends (its code loads then): once it is
  // there, the charts stay where they are while the pointer rests on one.
  await expect(lab.page.getByRole('region', { name: /^Final report/ })).toBeVisible();
  const chart = lab.page.getByRole('img', { name: /^Query throughput/ });
  const box = (await chart.boundingBox())!;
  // A quarter of the way along the time axis (52 px left margin, 10 px right) of a 60 s run.
  await chart.hover({ position: { x: 52 + (box.width - 62) * 0.25, y: 40 } });
  await expect(lab.page.getByRole('figure').filter({ has: chart }).getByText(/^t = 1\d s$/)).toBeVisible();
});
