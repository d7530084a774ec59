import { useDeferredValue, useMemo } from 'react';
import type { GroupView } from '../../../simulation/index';
import { useRunStore } from '../../state/runStore';
import { useScenarioStore } from '../../state/scenarioStore';
import { useAfterPaint } from '../../hooks/useAfterPaint';
import { useWidth } from '../../hooks/useWidth';
import { layoutTopology, MIN_TOPOLOGY_W, type Box } from './layout';
import { PartButton } from './PartButton';
import { StackView } from './StackView';
import { Links } from './Links';
import { ScaleButtons } from './ScaleButtons';
import { cacheItems, instanceItems, stateSummary, partitionItems, projectorItems, readNodeItems, shardItems } from './items';

function frameOf(...boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The system as it runs: every part, its load, and the way requests and events flow. */
export function Topology() {
  const [ref, width] = useWidth<HTMLDivElement>(900);
  // The parts (200 SVG elements, much of them text) come a frame after the first screen, so the
  // first frame's layout is one task of half the size; the drawing keeps its size meanwhile.
  const painted = useAfterPaint();
  const snap = useDeferredValue(useRunStore((s) => s.snapshot));
  const s = useScenarioStore((st) => st.scenario);
  const animate = useRunStore((st) => st.status === 'running' && st.speed !== 'max');
  // Columns too narrow for "q2 25% · 3 queued": the queue shows as the red mark (and in the hover text).
  const compact = Math.max(width, MIN_TOPOLOGY_W) < 800;

  const items = useMemo(() => {
    // Stopped slots are instances that were scaled in: they are gone from the system.
    const active = (g: GroupView | undefined) => (g ? { ...g, instances: g.instances.filter((i) => i.state !== 'stopped') } : undefined);
    const cmd = active(snap?.commandService);
    const qry = active(snap?.queryService);
    return {
      cmdSummary: stateSummary(cmd, s.commandService.instances),
      qrySummary: stateSummary(qry, s.queryService.instances),
      command: instanceItems(cmd, 'c', s.commandService.instances, s.commandService.vcpus, compact),
      query: instanceItems(qry, 'q', s.queryService.instances, s.queryService.vcpus, compact),
      shards: shardItems(snap, s.writeStore.shards),
      partitions: partitionItems(snap, s.eventStream.partitions),
      projectors: projectorItems(snap, s.eventStream.projectors),
      readNodes: readNodeItems(snap, s.readStore.replicas),
      cache: cacheItems(snap, s),
    };
  }, [snap, s, compact]);

  // Narrower than its least width (a phone), the drawing is scaled down to fit its box: every part
  // stays in view, with no sideways scrolling (the parts' names are in their hover text and labels).
  const scaled = width < MIN_TOPOLOGY_W;
  // Its +/- buttons are drawn larger by as much, so they stay 24 px or more on the screen (25: a rounding hair).
  const buttonPx = scaled ? Math.ceil((25 * MIN_TOPOLOGY_W) / Math.max(width, 1)) : 25;
  const L = layoutTopology(Math.max(width, MIN_TOPOLOGY_W), {
    command: items.command.length,
    query: items.query.length,
    shards: items.shards.length,
    partitions: items.partitions.length,
    projectors: items.projectors.length,
    readNodes: items.readNodes.length,
    cacheNodes: Math.max(1, items.cache.length),
  }, buttonPx);
  const lagEvents = snap?.window?.streamLagEvents ?? 0;
  const w = s.workload;
  // Narrow columns get the short names, so headings never run into each other.
  const short = L.colWidth < 128;
  const rate = w.profile ? 'rate profile' : `${w.rps} req/s`;

  return (
    <section className="panel topology" aria-labelledby="topology-title">
      <h2 id="topology-title">Topology</h2>
      <div ref={ref} className={scaled ? 'topo-scaled' : undefined}>
        <svg
          width={L.width}
          height={L.height}
          viewBox={`0 0 ${L.width} ${L.height}`}
          role="group"
          aria-label="System topology: select a part to edit its settings"
        >
          {painted && (
            <>
              <Links L={L} snap={snap} animate={animate} />
              <PartButton part="workload" label={`Clients: ${rate}, ${Math.round(w.writeRatio * 100)}% commands, ${w.keys.distribution} keys`} frame={L.clients}>
                <rect className="node-box" x={L.clients.x} y={L.clients.y} width={L.clients.w} height={L.clients.h} rx={20} />
                <text className="topo-head" x={L.clients.x + L.clients.w / 2} y={L.clients.y + 16} textAnchor="middle">Clients</text>
                <text className="topo-sub" x={L.clients.x + L.clients.w / 2} y={L.clients.y + 31} textAnchor="middle">{rate}</text>
              </PartButton>
              <PartButton
                part="commandService"
                label={`Command service: ${items.cmdSummary}, load balancer ${s.commandService.loadBalancer}${s.commandService.autoscaling ? ', auto-scaling' : ''}`}
                frame={frameOf(L.commandLb, L.command.frame)}
              >
                <Lb box={L.commandLb} algorithm={s.commandService.loadBalancer} />
                <StackView stack={L.command} items={items.command} head={`${short ? 'Commands' : 'Command service'} (${items.command.length})`} sub={`${s.commandService.vcpus} vCPU × ${s.commandService.speed}`} headY={L.headY.top} />
              </PartButton>
              <PartButton part="writeStore" label={`Write store: ${items.shards.length} shards, ${s.writeStore.partitioning} partitioning`} frame={L.shards.frame}>
                <StackView stack={L.shards} items={items.shards} head={`${short ? 'Shards' : 'Write shards'} (${items.shards.length})`} sub={`${s.writeStore.partitioning}${short ? '' : ' · share of writes'}`} headY={L.headY.top} />
              </PartButton>
              <PartButton
                part="eventStream"
                label={`Event stream: ${items.partitions.length} partitions, ${items.projectors.length} projectors, lag ${lagEvents} events`}
                frame={frameOf(L.partitions.frame, L.projectors.frame)}
              >
                <StackView stack={L.partitions} items={items.partitions} head={`Partitions (${items.partitions.length})`} sub={`lag ${lagEvents} events`} headY={L.headY.top} />
                <StackView stack={L.projectors} items={items.projectors} head={`Projectors (${items.projectors.length})`} sub="consumer group" headY={L.headY.top} />
              </PartButton>
              <PartButton
                part="queryService"
                label={`Query service: ${items.qrySummary}, load balancer ${s.queryService.loadBalancer}${s.queryService.autoscaling ? ', auto-scaling' : ''}`}
                frame={frameOf(L.queryLb, L.query.frame)}
              >
                <Lb box={L.queryLb} algorithm={s.queryService.loadBalancer} />
                <StackView stack={L.query} items={items.query} head={`${short ? 'Queries' : 'Query service'} (${items.query.length})`} sub={`${s.queryService.vcpus} vCPU × ${s.queryService.speed}`} headY={L.headY.bottom} />
              </PartButton>
              <PartButton part="cache" label={s.cache.enabled ? `Cache: ${items.cache.length} nodes, ${s.cache.invalidation} invalidation` : 'Cache: off'} frame={L.cache.frame}>
                {s.cache.enabled ? (
                  <StackView stack={L.cache} items={items.cache} head={`Cache (${items.cache.length})`} sub={`${s.cache.invalidation} · fill`} headY={L.headY.bottom} />
                ) : (
                  <StackView stack={L.cache} items={[{ label: 'off', load: 0, className: 'stopped', title: 'cache off' }]} head="Cache" sub="off" headY={L.headY.bottom} />
                )}
              </PartButton>
              <PartButton part="readStore" label={`Read store: primary and ${items.readNodes.length - 1} replica${items.readNodes.length === 2 ? '' : 's'}${s.readStore.indexed ? '' : ', not indexed'}`} frame={L.readNodes.frame}>
                <StackView stack={L.readNodes} items={items.readNodes} head={`${short ? 'Read nodes' : 'Read store'} (${items.readNodes.length})`} sub={s.readStore.indexed ? 'indexed' : 'NOT indexed'} headY={L.headY.bottom} />
              </PartButton>
              <ScaleButtons stack={L.command} part="commandService" path="commandService.instances" size={L.button} noun="command instance" value={s.commandService.instances} />
              <ScaleButtons stack={L.projectors} part="eventStream" path="eventStream.projectors" size={L.button} noun="projector" value={s.eventStream.projectors} />
              <ScaleButtons stack={L.query} part="queryService" path="queryService.instances" size={L.button} noun="query instance" value={s.queryService.instances} />
              <ScaleButtons stack={L.readNodes} part="readStore" path="readStore.replicas" size={L.button} noun="read replica" value={s.readStore.replicas} />
            </>
          )}
        </svg>
      </div>
      <div className="topo-legend" aria-hidden="true">
        <span><span className="swatch load-low" style={{ background: 'var(--load-low)' }} />load &lt; 70%</span>
        <span><span className="swatch" style={{ background: 'var(--load-mid)' }} />70–90%</span>
        <span><span className="swatch" style={{ background: 'var(--load-high)' }} />≥ 90%</span>
        <span><span className="swatch" style={{ background: 'var(--bad)' }} />queue / hot shard / lagging partition</span>
        <span>dashed: booting, restarting or draining</span>
        <span data-no-export>Select a part to open its settings.</span>
      </div>
    </section>
  );
}

function Lb({ box, algorithm }: { box: Box; algorithm: string }) {
  const cx = box.x + box.w / 2;
  return (
    <g>
      <title>{`load balancer: ${algorithm}`}</title>
      <rect className="node-box" x={box.x} y={box.y} width={box.w} height={box.h} rx={8} />
      <text className="topo-label" x={cx} y={box.y + 13} textAnchor="middle" style={{ fontWeight: 600 }}>Load balancer</text>
      <text className="topo-sub" x={cx} y={box.y + 27} textAnchor="middle">{algorithm}</text>
    </g>
  );
}
