/** Reading a waterfall's stages table (the table alternative of "Follow a request"), for its specs. */
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
