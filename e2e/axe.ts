import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test } from './fixtures';

/**
 * The serious and critical axe violations on the page (or in `include`, a CSS selector), as
 * "rule: first three targets" lines, so a failure names what to fix.
 *
 * An axe pass reads every node of the page: on a busy 2-core machine it took more than a minute
 * (examplesUi's axe test ran out of its 90 s beside the fuzzer, at a load average of 20, while
 * it passes alone in seconds). Each pass therefore adds two minutes to the test's budget: the
 * budget follows the work the test asks for, and nothing here measures time.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  test.info().setTimeout(test.info().timeout + 120_000);
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
