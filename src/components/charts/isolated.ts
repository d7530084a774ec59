/**
 * The points of a line that no segment draws: a finite value whose neighbours are missing or
 * not finite. A line through them is invisible (a single point after "Step 1 s", a value between
 * gaps), so the chart draws each as a dot. Points are [time, value].
 */
export function isolated(points: readonly [number, number][]): [number, number][] {
  const ok = (i: number) => i >= 0 && i < points.length && Number.isFinite(points[i][1]);
  return points.filter((_, i) => ok(i) && !ok(i - 1) && !ok(i + 1));
}
