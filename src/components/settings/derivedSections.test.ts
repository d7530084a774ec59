/**
 * The settings panel derived from the parts' declarations (issue 23) is the panel as it was laid
 * out by hand: `fixtures/sections.json` is the hand-made `SECTIONS`, written once before the
 * layout moved into the declarations. Same sections in the same order, same titles and about,
 * same fields in the same order with the same labels, editors, units, steps and steppers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from './fieldDefs';

const before = JSON.parse(readFileSync(new URL('./fixtures/sections.json', import.meta.url), 'utf8')) as typeof SECTIONS;

/** The sections as JSON keeps them (no key holding `undefined`), so a key present in one and absent in the other counts. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('the settings derived from the declarations', () => {
  it('are the hand-made sections: same order, titles, fields, labels and editors', () => {
    expect(Object.keys(SECTIONS)).toEqual(Object.keys(before));
    for (const id of Object.keys(before) as (keyof typeof SECTIONS)[]) {
      expect(SECTIONS[id].fields.map((d) => d.path), id).toEqual(before[id].fields.map((d) => d.path));
      expect(plain(SECTIONS[id]), id).toStrictEqual(plain(before[id]));
    }
  });
});
