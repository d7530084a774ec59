/** Numbers in study tables: as the CLI's text table writes them. */
export const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x === 0 ? '0' : x.toPrecision(3));

/** A mean with its 95% interval (the interval only when there are two replications or more). */
export const withInterval = (e: { n: number; mean: number; halfWidth: number }) => (e.n > 1 ? `${num(e.mean)} ± ${num(e.halfWidth)}` : num(e.mean));
