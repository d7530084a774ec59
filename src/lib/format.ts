/** Number formatting for the page: short, with units, never "NaN". */

/** Milliseconds with 3 significant figures at most: 0.52, 12.3, 245. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a >= 100) return `${Math.round(ms)}`;
  if (a >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A ratio in [0, 1] as a percentage: 0.1234 -> "12.3%". */
export function formatPct(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(1)}%` : '–';
}

/**
 * An integer with its thousands grouped by commas, as `toLocaleString('en-US')` writes it. Done by
 * hand: the first `toLocaleString` call sets up Intl, a 24 ms task during the page's load.
 */
export function groupThousands(n: number): string {
  const digits = Math.abs(n).toFixed(0);
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}

/** A count or rate: integers as is (thousands grouped), others to 1 decimal. */
export function formatNum(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (Number.isInteger(v)) return groupThousands(v);
  return Math.abs(v) >= 100 ? groupThousands(Math.round(v)) : v.toFixed(v >= 10 ? 1 : 2);
}

/** Simulated seconds: "12.3 s". */
export function formatSimS(ms: number): string {
  return `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s`;
}

/** Formats a report field by its name: `...Ratio` and `utilization` as %, `...Ms` fields as ms. */
export function formatByName(name: string, v: number): string {
  if (/\.count$|Count$/.test(name)) return formatNum(v);
  if (/ratio|utilization$/i.test(name)) return formatPct(v);
  if (/Ms(\.|$)|\.(p50|p95|p99|max|mean)$/.test(name)) return `${formatMs(v)} ms`;
  return formatNum(v);
}
