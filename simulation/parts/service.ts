/**
 * A service (the command service or the query service): its load balancer and instances, their
 * queues and vCPUs, their life cycle (boots, rolling restarts for vertical changes, draining),
 * and the counts of the class of request it serves. A request's path through it, in order:
 * `admit` (route, memory, queue), `start` (a vCPU), `onDone` (hand on to the next hop), `leave`
 * (the answer or the failure went back to the client). Its instances' life cycle (boots,
 * rolling restarts, draining) is serviceLifeCycle.ts.
 */
import type { Engine } from '../engine/core';
import type { EventQueue } from '../engine/eventQueue';
import { sampler, stream, type Sampler, type Uniform } from '../engine/random';
import type { Area } from '../metrics/area';
import { ClassTally } from '../metrics/classTally';
import { Histogram } from '../metrics/histogram';
import { InstanceGroup } from '../model/instanceGroup';
import { uslSlowdown } from '../model/usl';
import { F_ABANDONED, F_COMMAND, F_COUNTED, F_DEAD, F_PENDING, type RequestPool } from '../model/requestPool';
import { S_SERVICE } from '../model/stageSlots';
import { STAGE_PATHS } from '../stages';
import type { Scenario, ServiceConfig } from '../scenario';
import type { Downstream, Gate, InjectedFailures, Outcomes, ServiceName, ServicePort } from './ports';
import { ServiceLifeCycle } from './serviceLifeCycle';
import type { World } from './world';

export type { ServiceName };

export class Service implements ServicePort {
  readonly group: InstanceGroup;
  /** Outcomes and latencies of the attempts sent to this service. */
  readonly tally: ClassTally;
  /**
   * Requests of this class in the system, as an integral (Little's law). They are exactly the
   * requests outstanding on the group's instances (both change in `admit` and `leave`), so this
   * is the group's integral, not a second one kept in step on every request.
   */
  readonly inSystem: Area;
  readonly queueWait = new Histogram();
  /** `F_COMMAND` for the command service, 0 for the query service: the class of its requests. */
  readonly classFlag: number;
  /** Fraction of attempts that fail on arrival (an `errors` fault sets it; the faults part draws). */
  injectedFraction = 0;

  /** Set when the model is composed: where answers go, the next hop, the random failures, the gate. */
  outcomes!: Outcomes;
  next!: Downstream;
  faults!: InjectedFailures;
  gate: Gate | null = null;
  /** Draw a request's service time, and a follow-up read's (query service only), ms. */
  serviceTime!: Sampler;
  followUpTime: Sampler | null = null;
  /** Draw a retry's own service time (unless retries keep their request's draw), ms. */
  retryTime!: Sampler;
  /** Told whenever the number of serving instances may have changed. */
  onSizeChanged: () => void = () => {};

  private readonly engine: Engine;
  private readonly calendar: EventQueue;
  private readonly reqs: RequestPool;
  private readonly uService: Uniform;
  private readonly uFollowUp: Uniform | null;
  private readonly uRetry: Uniform;

  private readonly doneKind: number;
  private readonly life: ServiceLifeCycle;

  constructor(
    world: World,
    readonly name: ServiceName,
    salt: number,
  ) {
    const s = world.scenario;
    this.engine = world.engine;
    this.calendar = world.engine.calendar;
    this.reqs = world.reqs;
    this.classFlag = name === 'commandService' ? F_COMMAND : 0;
    const cls = name === 'commandService' ? 'commands' : 'queries';
    this.tally = new ClassTally(world.failureCauses, STAGE_PATHS[`${cls}.latencyMs`], STAGE_PATHS[`${cls}.clientLatencyMs`]);
    this.group = new InstanceGroup(s[name], stream(s.seed, `${name}.loadBalancer`), salt, s.pricing.sizePremium);
    this.inSystem = this.group.outstandingArea;
    this.uService = stream(s.seed, `${name}.serviceTime`);
    // Follow-up reads (a client reading what it just wrote) draw their service times apart.
    this.uFollowUp = name === 'queryService' ? stream(s.seed, 'queryService.serviceTime.followUps') : null;
    // Retries draw apart too: turning retries on leaves first attempts' draws unchanged.
    this.uRetry = stream(s.seed, `${name}.serviceTime.retries`);
    this.doneKind = world.engine.on(`${name}.done`, this.onDone, this);
    this.life = new ServiceLifeCycle(world, name, this.group, () => this.onSizeChanged());
    this.configure(s);
  }

  /** (Re)builds the samplers (the streams continue, so replays match) and reads the restart time. */
  configure(s: Scenario): void {
    this.life.restartMs = s[this.name].restartS * 1000;
    this.serviceTime = sampler(s[this.name].serviceTimeMs, this.uService);
    if (this.uFollowUp !== null) this.followUpTime = sampler(s[this.name].serviceTimeMs, this.uFollowUp);
    this.retryTime = sampler(s[this.name].serviceTimeMs, this.uRetry);
  }

  /**
   * The load balancer takes attempt `id`: an instance starts it or queues it, or it ends at once
   * (refused at its gate, no instance, a dead one, an injected error, no memory, a full queue). True if taken.
   */
  admit(id: number): boolean {
    const r = this.reqs;
    const g = this.group;
    if (this.gate !== null && !this.gate.allow(id)) return false;
    const i = g.route(r.key[id]);
    if (i < 0) return this.refuse(id, 'failed', 'noInstance');
    if (!g.alive[i]) return this.refuse(id, 'failed', 'deadInstance');
    if (this.injectedFraction > 0 && this.faults.injectedFailure(this.injectedFraction)) return this.refuse(id, 'failed', 'injected');
    if (!g.hasMemoryFor(i)) return this.refuse(id, 'rejected');
    if (g.busy[i] < g.vcpusOf[i]) {
      r.instance[id] = i;
      this.start(i, id);
    } else if (g.queues[i].length < g.queueCapacity) {
      r.instance[id] = i;
      g.queues[i].push(id);
      g.queueArea.addNow(this.engine, 1);
    } else {
      return this.refuse(id, 'rejected');
    }
    const inFlight = ++g.outstanding[i];
    const least = g.balancer.least;
    if (least !== null) least.set(i, inFlight);
    g.outstandingArea.addNow(this.engine, 1);
    return true;
  }

  private refuse(id: number, outcome: 'rejected' | 'failed', cause?: 'noInstance' | 'deadInstance' | 'injected'): false {
    this.outcomes.endAttempt(id, outcome, cause);
    return false;
  }

  private start(i: number, id: number): void {
    const r = this.reqs;
    const g = this.group;
    const now = this.engine.nowMs;
    const busy = ++g.busy[i];
    g.busyArea.addNow(this.engine, 1);
    g.busyAreas[i].addNow(this.engine, 1);
    if (r.flags[id] & F_COUNTED) this.queueWait.record(now - r.arrivalMs[id]);
    r.enter(id, S_SERVICE);
    // Diminishing returns within one instance (USL): work started beside busy vCPUs takes longer.
    const usl = uslSlowdown(busy, g.contention, g.coherency);
    this.calendar.push(now + (r.serviceMs[id] * g.slowFactor[i] * usl) / g.speedOf[i], this.doneKind, id);
  }

  /** Starts queued requests on instance i while it has free workers. */
  drainQueue(i: number): void {
    const g = this.group;
    const queue = g.queues[i];
    while (g.busy[i] < g.vcpusOf[i] && queue.length > 0) {
      g.queueArea.addNow(this.engine, -1);
      this.start(i, queue.shift());
    }
  }

  /** Starts waiting work on every instance (after a change of capacity). */
  drainQueues(): void {
    for (let i = 0; i < this.group.size; i++) this.drainQueue(i);
  }

  private onDone(id: number): void {
    const r = this.reqs;
    // The instance crashed while this request was on its CPU: the work is lost with it.
    if (r.flags[id] & F_DEAD) return r.release(id);
    const g = this.group;
    const i = r.instance[id];
    g.busy[i]--;
    g.busyArea.addNow(this.engine, -1);
    g.busyAreas[i].addNow(this.engine, -1);
    this.drainQueue(i);
    this.next.handle(id);
  }

  /** The request leaves its instance (answered or failed); frees what it held there. */
  leave(id: number): void {
    const g = this.group;
    const i = this.reqs.instance[id];
    const inFlight = --g.outstanding[i];
    const least = g.balancer.least;
    if (least !== null) least.set(i, inFlight);
    g.outstandingArea.addNow(this.engine, -1);
    if (inFlight === 0) this.life.instanceIdle(i);
  }

  /**
   * Instance i crashes: its queue and everything it holds fail at once (the clients'
   * connections break). Work already handed to storage goes on (a write may still commit), but
   * its answer is lost.
   */
  crash(i: number): void {
    const r = this.reqs;
    const g = this.group;
    const now = this.engine.nowMs;
    g.alive[i] = 0;
    const queue = g.queues[i];
    while (queue.length > 0) {
      const id = queue.shift();
      g.queueArea.add(now, -1);
      this.outcomes.respondFailed(id, 'deadInstance');
    }
    g.busyArea.add(now, -g.busy[i]);
    g.busyAreas[i].add(now, -g.busy[i]);
    g.busy[i] = 0;
    r.forEachLive((id) => {
      const f = r.flags[id];
      if (r.instance[id] !== i || (f & F_COMMAND) !== this.classFlag || f & (F_PENDING | F_DEAD)) return;
      this.leave(id);
      r.flags[id] |= F_DEAD;
      if ((f & F_ABANDONED) === 0) this.outcomes.endAttempt(id, 'failed', 'deadInstance', true);
    });
  }

  /** The service's size changes (by its autoscaler or by hand): new instances boot for `bootMs`. */
  resize(n: number, bootMs: number): void {
    this.life.resize(n, bootMs);
  }

  /** A live change: the samplers again, then the balancer and the instances. */
  reconfigure(next: Scenario, prev: Scenario): void {
    this.configure(next);
    this.reconfigureGroup(prev[this.name], next[this.name]);
  }

  /** Starts waiting work on the capacity a change added. */
  resume(): void {
    this.drainQueues();
  }

  /** Brings the balancer and instances in line with changed settings. */
  private reconfigureGroup(before: ServiceConfig, cfg: ServiceConfig): void {
    const g = this.group;
    g.queueCapacity = cfg.queueCapacity;
    g.algorithm = cfg.loadBalancer;
    g.baseMemoryMb = cfg.baseMemoryMb;
    g.memoryPerRequestMb = cfg.memoryPerRequestMb;
    g.memoryLimitMb = cfg.memoryLimitMb;
    // Applies to work started from now on.
    g.contention = cfg.contention;
    g.coherency = cfg.coherency;
    // A manual change of capacity boots new instances like the autoscaler would.
    if (cfg.instances !== before.instances) this.resize(cfg.instances, (cfg.autoscaling?.bootS ?? 0) * 1000);
    if (cfg.vcpus !== before.vcpus || cfg.speed !== before.speed) {
      // Vertical scaling restarts instances one at a time: capacity dips while each restarts.
      g.vcpus = cfg.vcpus;
      g.speed = cfg.speed;
      this.life.rollingRestart();
    }
    g.healthChanged();
  }
}
