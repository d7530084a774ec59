/**
 * Reading the stages tables, for their specs: a waterfall's (the table alternative of "Follow a
 * request") and the "where the time goes" tables (the stages panel's and the study's).
 */
import type { Locator } from '@playwright/test';

/** A number as the page writes it (digits grouped with commas). */
export const ms = (text: string | null): number => parseFloat((text ?? '').replace(/,/g, ''));

/** The "takes (ms)" cells of the table's rows whose header matches `name`. */
export async function takes(table: Locator, name: RegExp): Promise<number[]> {
  const out: number[] = [];
  for (const row of await table.getByRole('row').all()) {
    const head = await row.getByRole('rowheader').allTextContents();
    if (head.length === 1 && name.test(head[0])) out.push(ms((await row.getByRole('cell').allTextContents())[2]));
  }
  return out;
}

/** The stage rows of a "where the time goes" table: [stage, mean ms, tail ms], the total row left out. */
export async function tableRows(table: Locator): Promise<[string, number, number][]> {
  const rows = await table.getByRole('row').all();
  const out: [string, number, number][] = [];
  for (const row of rows.slice(1)) {
    const head = (await row.getByRole('rowheader').textContent()) ?? '';
    const cells = await row.getByRole('cell').allTextContents();
    if (head !== 'total') out.push([head, ms(cells[0]), ms(cells[2])]);
  }
  return out;
}

/** A "where the time goes" table's total row: [mean ms, tail ms]. */
export async function tableTotals(table: Locator): Promise<[number, number]> {
  const cells = await table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: 'total', exact: true }) }).getByRole('cell').allTextContents();
  return [ms(cells[0]), ms(cells[2])];
}
