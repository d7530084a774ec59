/**
 * At most `maxPoints` points for a line: consecutive points are grouped in buckets and each
 * bucket keeps its highest value, so short spikes (a latency peak, a burst of rejections) stay
 * visible however long the series. Points are [time, value].
 */
export function decimate(points: [number, number][], maxPoints: number): [number, number][] {
  const n = points.length;
  if (n <= maxPoints || maxPoints < 2) return points;
  const size = n / maxPoints;
  const out: [number, number][] = [];
  for (let b = 0; b < maxPoints; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let best = points[from];
    for (let i = from + 1; i < to; i++) if (points[i][1] > best[1]) best = points[i];
    out.push(best);
  }
  if (out[out.length - 1] !== points[n - 1]) out.push(points[n - 1]);
  return out;
}
