/**
 * The TypeScript types of a section of settings, read off its field lines (`fieldSpec.ts`) at
 * compile time, so that a section declared once in lines gives both its schema (`specSchema.ts`,
 * at run time) and its type (here). Types only.
 *
 * A section's lines are a union of tuples here: `FieldsOf<typeof LINES>`. A line named `a.b`
 * belongs to the group `a` (a line of kind `group`); `custom` holds the zod schemas of the fields
 * the lines cannot say (a list's items, a field of several shapes), and their types come from it.
 */
import type { z } from 'zod';
import type { Latency, LatencyInput } from './fieldSpec';

type Line = readonly [string, string, string, unknown, string, ...unknown[]];
type Customs = Readonly<Record<string, z.ZodType>>;

/** The lines of a section as a union. */
export type FieldsOf<L extends readonly Line[]> = L[number];

/** The lines of group `G`, renamed relative to it (`keys.count` becomes `count`). */
type Sub<U, G extends string> = U extends readonly [`${G}.${infer K}`, ...infer Rest] ? readonly [K, ...Rest] : never;
/** The lines of the section itself, not of one of its groups. */
type Top<U> = U extends readonly [`${string}.${string}`, ...unknown[]] ? never : U;
/** The defaults of group `G`, renamed relative to it. */
type SubDefaults<D, G extends string> = { [K in keyof D as K extends `${G}.${infer R}` ? R : never]: D[K] };

type NameOf<F> = F extends readonly [infer N extends string, ...unknown[]] ? N : never;
type KindOf<F> = F extends readonly [string, infer K, ...unknown[]] ? K : never;
type IsOptional<F> = F extends readonly [string, string, 'optional', ...unknown[]] ? true : false;
type ChoiceOf<F> = F extends readonly [string, string, string, unknown, string, infer C extends readonly string[]] ? C[number] : string;

/** The value of one field after validation (defaults filled in). */
type OutValue<F, U, C extends Customs> =
  NameOf<F> extends keyof C
    ? z.output<C[NameOf<F>]>
    : KindOf<F> extends 'number' | 'integer'
      ? number
      : KindOf<F> extends 'boolean'
        ? boolean
        : KindOf<F> extends 'text'
          ? string
          : KindOf<F> extends 'latency'
            ? Latency
            : KindOf<F> extends 'choice'
              ? ChoiceOf<F>
              : KindOf<F> extends 'group'
                ? SettingsOut<Sub<U, NameOf<F>>>
                : never;

/** The value of one field as written in a file (before defaults). */
type InValue<F, U, D, C extends Customs> =
  NameOf<F> extends keyof C
    ? z.input<C[NameOf<F>]>
    : KindOf<F> extends 'latency'
      ? LatencyInput
      : KindOf<F> extends 'group'
        ? SettingsIn<Sub<U, NameOf<F>>, SubDefaults<D, NameOf<F>>>
        : OutValue<F, U, C>;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The settings of a section after validation: a field flagged optional may be absent, every other one is there. */
export type SettingsOut<U, C extends Customs = {}> = Flat<
  { [F in Top<U> as IsOptional<F> extends true ? never : NameOf<F>]: OutValue<F, U, C> } & {
    [F in Top<U> as IsOptional<F> extends true ? NameOf<F> : never]?: OutValue<F, U, C> | undefined;
  }
>;

/** A field that may be left out of a file: flagged optional, with a default, or a group (its fields have defaults). */
type MayOmit<F, D> = IsOptional<F> extends true ? true : NameOf<F> extends keyof D ? true : KindOf<F> extends 'group' ? true : false;

/** The settings of a section as written in a file. */
export type SettingsIn<U, D, C extends Customs = {}> = Flat<
  { [F in Top<U> as MayOmit<F, D> extends true ? never : NameOf<F>]: InValue<F, U, D, C> } & {
    [F in Top<U> as MayOmit<F, D> extends true ? NameOf<F> : never]?: InValue<F, U, D, C> | undefined;
  }
>;

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * The zod shape of an object whose output is `O` and input `I`: a field absent from the output
 * may be left out (optional), one absent only from the input takes a default, the others are
 * required. It lets a schema made at run time from lines join other zod objects with its types.
 */
export type ShapeOf<O, I> = {
  -readonly [K in keyof O]-?: {} extends Pick<O, K>
    ? z.ZodOptional<z.ZodType<Exclude<O[K], undefined>, Exclude<I[K & keyof I], undefined>>>
    : K extends RequiredKeys<I>
      ? z.ZodType<O[K], I[K & keyof I]>
      : z.ZodDefault<z.ZodType<O[K], Exclude<I[K & keyof I], undefined>>>;
};
