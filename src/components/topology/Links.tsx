import type { Snapshot } from '../../../simulation/index';
import type { Box, Stack, TopologyLayout } from './layout';

const right = (b: Box) => [b.x + b.w, b.y + b.h / 2] as const;
const left = (b: Box) => [b.x, b.y + b.h / 2] as const;
const stackBox = (s: Stack): Box => {
  const f = s.boxes[0];
  const l = s.boxes[s.boxes.length - 1];
  return f ? { x: f.x, y: f.y, w: f.w, h: l.y + l.h - f.y } : s.frame;
};

/** Seconds for one dash to travel: faster flow for more requests per second (aggregated, never per request). */
function flowSeconds(perS: number): number {
  return perS <= 0 ? 0 : Math.max(0.25, 2.2 - Math.log10(1 + perS) * 0.6);
}

function Path({ from, to, perS }: { from: readonly [number, number]; to: readonly [number, number]; perS: number }) {
  const mx = (from[0] + to[0]) / 2;
  const d = `M${from[0]},${from[1]} C${mx},${from[1]} ${mx},${to[1]} ${to[0]},${to[1]}`;
  const s = flowSeconds(perS);
  return (
    <>
      <path className="link" d={d} />
      {s > 0 && <path className="flow" d={d} style={{ ['--flow-s' as string]: `${s}s` }} />}
    </>
  );
}

/** The connections between parts, with a moving dash whose speed follows the throughput. */
export function Links({ L, snap, animate }: { L: TopologyLayout; snap: Snapshot | null; animate: boolean }) {
  const w = snap?.window;
  // Moving dashes repaint the drawing every frame: only while running at a speed a person can follow.
  const running = animate && snap !== null && !snap.done && snap.tMs > 0;
  const cmd = running && w ? w.commands.completed : 0;
  const qry = running && w ? w.queries.completed : 0;
  const cmdBox = stackBox(L.command);
  const qryBox = stackBox(L.query);
  const shardBox = stackBox(L.shards);
  const partBox = stackBox(L.partitions);
  const projBox = stackBox(L.projectors);
  const cacheBox = stackBox(L.cache);
  const readBox = stackBox(L.readNodes);
  const primary = L.readNodes.boxes[0] ?? readBox;
  return (
    <g aria-hidden="true">
      <Path from={right(L.clients)} to={left(L.commandLb)} perS={cmd} />
      <Path from={right(L.clients)} to={left(L.queryLb)} perS={qry} />
      {L.command.boxes.map((b, i) => (
        <Path key={`c${i}`} from={right(L.commandLb)} to={left(b)} perS={0} />
      ))}
      {L.query.boxes.map((b, i) => (
        <Path key={`q${i}`} from={right(L.queryLb)} to={left(b)} perS={0} />
      ))}
      <Path from={right(cmdBox)} to={left(shardBox)} perS={cmd} />
      <Path from={right(shardBox)} to={left(partBox)} perS={cmd} />
      <Path from={right(partBox)} to={left(projBox)} perS={cmd} />
      {/* From the projectors' lower left, clear of their +/- buttons, down to the primary. */}
      <Path from={[projBox.x + 10, projBox.y + projBox.h]} to={right(primary)} perS={cmd} />
      <Path from={right(qryBox)} to={left(cacheBox)} perS={qry} />
      <Path from={right(cacheBox)} to={left(readBox)} perS={qry} />
    </g>
  );
}
