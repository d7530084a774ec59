/**
 * Where each part of the topology goes, for a given width and the counts of each part. Pure (d3
 * scales only), so the component just draws rectangles where it is told.
 *
 * Two bands share the clients on the left: commands on top (load balancer, instances, shards,
 * stream partitions, projectors), queries below (load balancer, instances, cache, read store).
 */
import { range } from 'd3-array';
import { scaleBand, scalePoint } from 'd3-scale';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A column of equal boxes; `hidden` items beyond the last visible one are summarised. */
export interface Stack {
  boxes: Box[];
  /** How many items the last box stands for when there are too many to draw (0: none). */
  hidden: number;
  frame: Box;
  cx: number;
}

export interface Counts {
  command: number;
  query: number;
  shards: number;
  partitions: number;
  projectors: number;
  readNodes: number;
  cacheNodes: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  /** The side of a +/- button, in the drawing's units. */
  button: number;
  colWidth: number;
  headY: { top: number; bottom: number };
  clients: Box;
  commandLb: Box;
  queryLb: Box;
  command: Stack;
  shards: Stack;
  partitions: Stack;
  projectors: Stack;
  query: Stack;
  cache: Stack;
  readNodes: Stack;
}

const COLUMNS = ['clients', 'lb', 'service', 'store', 'stream', 'consumers'] as const;
const HEAD_H = 34;
const ITEM_H = 22;
const MIN_ITEM_H = 15;
const MAX_BAND_H = 280;
const MIN_BAND_H = 70;
/** Height of the row of +/- buttons under a stack: buttons of 24 px, a comfortable target for a finger. */
export const SCALE_H = 31;
/**
 * The least width the topology is laid out at. Narrower (a phone), it keeps this width and its
 * box scrolls sideways: shrinking it further would make headings run into each other.
 */
export const MIN_TOPOLOGY_W = 640;

function bandHeight(...counts: number[]): number {
  const n = Math.max(1, ...counts);
  return Math.max(MIN_BAND_H, Math.min(MAX_BAND_H, n * (ITEM_H + 4)));
}

function stack(n: number, cx: number, top: number, bandH: number, w: number): Stack {
  const fit = Math.max(1, Math.floor(bandH / (MIN_ITEM_H + 3)));
  const shown = n <= fit ? n : fit;
  const y = scaleBand<number>()
    .domain(range(Math.max(shown, 1)))
    .range([top, top + Math.min(bandH, Math.max(shown, 1) * (ITEM_H + 4))])
    .paddingInner(0.18);
  const h = Math.min(ITEM_H, y.bandwidth());
  const boxes = range(shown).map((i) => ({ x: cx - w / 2, y: y(i)!, w, h }));
  const bottom = boxes.length ? boxes[boxes.length - 1].y + h : top + ITEM_H;
  return { boxes, hidden: n > shown ? n - shown + 1 : 0, cx, frame: { x: cx - w / 2 - 4, y: top - HEAD_H + 2, w: w + 8, h: bottom - top + HEAD_H + 2 } };
}

/**
 * `buttonPx`: the size of a +/- button in the drawing's units; a drawing scaled down to fit a
 * phone draws them larger, so that they stay at least 24 px on the screen.
 */
export function layoutTopology(width: number, c: Counts, buttonPx = SCALE_H - 6): TopologyLayout {
  const rowH = Math.max(SCALE_H, buttonPx + 6);
  const x = scalePoint<string>().domain(COLUMNS).range([0, width]).padding(0.5);
  const step = x.step();
  const w = Math.min(150, step * 0.84);
  const topH = bandHeight(c.command, c.shards, c.partitions, c.projectors);
  const bottomH = bandHeight(c.query, c.cacheNodes, c.readNodes);
  const topY = HEAD_H + 4;
  // Room under each band for the +/- buttons of the scalable stacks.
  const bottomY = topY + topH + rowH + 16 + HEAD_H;
  const height = bottomY + bottomH + rowH + 8;
  const col = (k: (typeof COLUMNS)[number]) => x(k)!;
  const lb = (bandTop: number, bandH: number): Box => ({ x: col('lb') - w / 2, y: bandTop + bandH / 2 - 18, w, h: 36 });
  const lbTop = lb(topY, Math.min(topH, c.command * (ITEM_H + 4)));
  const lbBottom = lb(bottomY, Math.min(bottomH, c.query * (ITEM_H + 4)));
  return {
    width,
    height,
    button: rowH - 6,
    colWidth: w,
    headY: { top: topY - 6, bottom: bottomY - 6 },
    clients: { x: col('clients') - w / 2, y: (lbTop.y + lbBottom.y) / 2, w, h: 40 },
    commandLb: lbTop,
    queryLb: lbBottom,
    command: stack(c.command, col('service'), topY, topH, w),
    shards: stack(c.shards, col('store'), topY, topH, w),
    partitions: stack(c.partitions, col('stream'), topY, topH, w),
    projectors: stack(c.projectors, col('consumers'), topY, topH, w),
    query: stack(c.query, col('service'), bottomY, bottomH, w),
    cache: stack(c.cacheNodes, col('store'), bottomY, bottomH, w),
    readNodes: stack(c.readNodes, col('stream'), bottomY, bottomH, w),
  };
}
