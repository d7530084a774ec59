/**
 * The built-in parts, composed: the clients, the two services, the write store, the event stream
 * and its projectors, the read store, the cache, elasticity, faults and the windows, each made
 * from the world and handed the parts it calls. A request flows clients -> service (load
 * balancer, instance) -> write store -> event stream -> read store, or clients -> service ->
 * cache -> read store, and its answer goes back to the clients.
 *
 * This is the one place that knows how the built-in parts are wired to each other; the parts on
 * the `Part` contract (`parts/index.ts`) are made after them and reach them only through the
 * ports (`ports.ts`). `Simulation` loops over `live` on a live change and names no part there.
 */
import type { Scenario } from '../scenario';
import type { Report, Snapshot } from '../types';
import { CacheLayer } from './cacheLayer';
import { Clients } from './clients';
import { cacheSnapshot, projectionSnapshot, readStoreSnapshot, serviceSnapshot, writeStoreSnapshot } from './coreSnapshot';
import { clientsWindow, costWindow, elasticityWindow, projectionWindow, readStoreWindow, serviceWindow, writeStoreWindow } from './coreWindows';
import { clientsReport, projectionReport, readStoreReport, replicasReport, serviceReport, writeStoreReport, type ReportSpan } from './coreReport';
import { Elasticity } from './elasticity';
import { Faults } from './faults';
import { Projection } from './projection';
import { ReadStore } from './readStore';
import { Service } from './service';
import { Windows } from './windows';
import type { World } from './world';
import { WriteStore } from './writeStore';

/** What a built-in part does on a live change. */
export interface LivePart {
  /** Brings the part in line with the changed scenario (called in the order of `live`). */
  reconfigure(next: Scenario, prev: Scenario): void;
  /** Starts work that waits for capacity the change added (after every part is reconfigured, in the order of `live`). */
  resume?(): void;
}

/** The built-in parts of one run. */
export interface Core {
  readonly command: Service;
  readonly query: Service;
  readonly clients: Clients;
  readonly writeStore: WriteStore;
  readonly projection: Projection;
  readonly readStore: ReadStore;
  readonly cacheLayer: CacheLayer;
  readonly elasticity: Elasticity;
  readonly faults: Faults;
  readonly windows: Windows;
  /**
   * The built-in parts in the order a live change reaches them. The order is part of the model:
   * a change that adds capacity starts waiting work on the services first, then the stores, then
   * the projectors, and same-time events run in the order they were scheduled.
   */
  readonly live: readonly LivePart[];
  /** What each built-in part adds to the report (`report.ts` puts the keys in the figure registry's order). */
  readonly reports: readonly ((span: ReportSpan) => Partial<Report>)[];
  /** What each built-in part shows in the live snapshot, in the snapshot's order. */
  readonly snapshots: readonly (() => Partial<Snapshot>)[];
  /** Puts the built-in parts' first events on the calendar (after the windows, the interventions and the parts on the contract). */
  start(): void;
}

/** Makes and wires the built-in parts of a run. */
export function buildCore(world: World): Core {
  const command = new Service(world, 'commandService', 0xc0);
  const query = new Service(world, 'queryService', 0x9e);
  const projection = new Projection(world);
  const writeStore = new WriteStore(world, projection);
  const readStore = new ReadStore(world, projection.stream);
  const cacheLayer = new CacheLayer(world, query.tally, readStore);
  const clients = new Clients(world, command, query, writeStore);
  const elasticity = new Elasticity(world, command, query, projection, readStore);
  const faults = new Faults(world, { commandService: command, queryService: query }, writeStore, projection, readStore, cacheLayer);
  // What each scaled group has cost: its vCPU integral and its price-weighted one, summed in this order.
  const paid = () =>
    [
      [command.group.vcpuArea, command.group.pricedVcpuArea],
      [query.group.vcpuArea, query.group.pricedVcpuArea],
      [projection.stream.consumerArea, projection.stream.consumerArea],
      [elasticity.replicaArea, elasticity.replicaArea],
    ] as const;
  const windowParts = [
    clientsWindow(command, query),
    serviceWindow(command),
    serviceWindow(query),
    writeStoreWindow(writeStore),
    projectionWindow(world, projection),
    readStoreWindow(readStore),
    elasticityWindow(elasticity),
    costWindow(world, paid),
  ];
  const windows = new Windows(world, windowParts);

  // The request's path, in the order it flows, and the way back.
  command.next = writeStore;
  query.next = cacheLayer;
  for (const part of [command, query, writeStore, projection, readStore, cacheLayer]) part.outcomes = clients;
  command.faults = query.faults = faults;
  command.onSizeChanged = query.onSizeChanged = () => elasticity.sampleRanges();
  projection.readStore = readStore;
  projection.cache = cacheLayer;
  readStore.cache = cacheLayer;
  world.reqs.clock = projection.stream.clock = world.engine;

  const live: LivePart[] = [clients, command, query, writeStore, readStore, projection, cacheLayer, elasticity];
  const reports = [
    (s: ReportSpan) => clientsReport(s, clients, command, query, world.reqs),
    (s: ReportSpan) => serviceReport(s, command, elasticity),
    (s: ReportSpan) => serviceReport(s, query, elasticity),
    (s: ReportSpan) => writeStoreReport(s, writeStore),
    (s: ReportSpan) => readStoreReport(s, readStore),
    (s: ReportSpan) => projectionReport(s, projection, elasticity),
    (s: ReportSpan) => replicasReport(s, elasticity),
  ];
  const load = windows.lastWindowUtilization;
  const snapshots = [
    () => serviceSnapshot(command, load),
    () => serviceSnapshot(query, load),
    () => writeStoreSnapshot(writeStore, world.scenario.writeStore.partitioning, load),
    () => projectionSnapshot(projection, world.engine.nowMs),
    () => readStoreSnapshot(readStore, load),
    () => cacheSnapshot(cacheLayer),
  ];
  const start = () => {
    elasticity.configure(world.scenario);
    faults.start();
    elasticity.sampleRanges();
    clients.start();
  };
  return { command, query, clients, writeStore, projection, readStore, cacheLayer, elasticity, faults, windows, live, reports, snapshots, start };
}
