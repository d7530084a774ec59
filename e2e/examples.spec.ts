/** Every example (and every side of a comparison) loads by id from the address and runs to the end. */
import { expect, test } from './fixtures';
import { exampleById, exampleIds } from '../simulation/examples';

for (const id of exampleIds()) {
  test(`?example=${id} loads the example, shows its notes and runs to the end at Fastest`, async ({ lab }) => {
    const ex = exampleById(id)!;
    await lab.page.goto(`/?example=${id}`);
    const notes = lab.page.getByRole('region', { name: new RegExp(`${ex.example.title.replace(/[()]/g, '.')}$`) });
    await expect(notes).toBeVisible();
    await expect(notes).toContainText(ex.example.lookAt.slice(0, 40));
    await expect(lab.page.getByRole('status').filter({ hasText: `Loaded the example \u201c${ex.title}\u201d` })).toBeVisible();
    if (ex.example.variants) await expect(notes.getByRole('button', { name: ex.variant?.label ?? ex.example.label })).toHaveAttribute('aria-pressed', 'true');
    await lab.setSpeed('Fastest');
    await lab.play();
    await expect(lab.status).toHaveText('done', { timeout: 60_000 });
    // The run is the example's scenario: its report carries the example's name.
    const report = JSON.parse(await lab.download('Save report (JSON)')) as { scenario: string; simulatedS: number };
    expect(report.scenario).toBe(ex.title);
    expect(report.simulatedS).toBe(ex.scenario.durationS ?? 60);
    expect(lab.consoleErrors).toEqual([]);
  });
}
