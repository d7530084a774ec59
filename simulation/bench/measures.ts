/** What the benchmarks share: the median, a range, a number for people, and the CPU time of a piece of work. */

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** "range 1.52-1.77": the least and greatest of some ratios, as every benchmark line gives them. */
export const rangeOf = (xs: readonly number[]): string => `range ${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;

/** A whole number with thousands separators. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** CPU seconds (user and system) of this process while `f` runs. */
export function cpuSeconds(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}
