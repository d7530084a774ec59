/**
 * A group of service instances (the command service or the query service) behind one load
 * balancer. Each instance has its own workers (`vcpus`), speed and bounded FIFO queue, a life
 * cycle (booting, ready, draining, restarting, stopped), and two health facts that differ on
 * purpose: whether it is alive, and whether the load balancer believes it is (`up`). Until
 * health checks mark a crashed instance down, the balancer keeps sending it traffic.
 *
 * The group keeps the time integrals needed for utilisation, queue length, memory and cost, and
 * the routing set its load balancer (balancer.ts) picks from.
 */
import { grown } from '../engine/grown';
import { IntQueue } from '../engine/intQueue';
import type { Uniform } from '../engine/random';
import { Area } from '../metrics/area';
import type { LoadBalancerAlgorithm, ServiceConfig } from '../scenario';
import type { InstanceState } from '../types';
import { Balancer } from './balancer';
import { priceFactor } from './usl';

export const STOPPED = 0;
export const READY = 1;
export const DRAINING = 2;
export const BOOTING = 3;
/** Out of the balancer for a vertical change: drains, then boots again for `restartS`. */
export const RESTARTING = 4;
const STATE_NAMES = ['stopped', 'ready', 'draining', 'booting', 'restarting'] as const;

export class InstanceGroup {
  /** Configuration for new (and restarted) instances. */
  vcpus: number;
  speed: number;
  queueCapacity: number;
  baseMemoryMb: number;
  memoryPerRequestMb: number;
  memoryLimitMb: number;
  /** The Universal Scalability Law's contention (σ) and coherency (κ) within one instance (see usl.ts). */
  contention: number;
  coherency: number;
  /** Extra price per vCPU-hour for each doubling of an instance's size (see usl.ts); fixed for a run. */
  readonly sizePremium: number;

  state: Uint8Array = new Uint8Array(0);
  /** Workers and speed of each instance (they change by rolling restart). */
  vcpusOf: Int32Array = new Int32Array(0);
  speedOf: Float64Array = new Float64Array(0);
  /** Service-time multiplier of a slow instance (gray failure); 1 when healthy. */
  slowFactor: Float64Array = new Float64Array(0);
  alive: Uint8Array = new Uint8Array(0);
  /** The load balancer's view: 1 while health checks consider the instance up. */
  up: Uint8Array = new Uint8Array(0);
  probeFails: Int32Array = new Int32Array(0);
  probeOks: Int32Array = new Int32Array(0);
  crashedAtMs: Float64Array = new Float64Array(0);
  /** When a booting or restarting instance will be ready. */
  readyAtMs: Float64Array = new Float64Array(0);
  busy: Int32Array = new Int32Array(0);
  outstanding: Int32Array = new Int32Array(0);
  queues: IntQueue[] = [];
  /** Per-instance busy-worker integrals (for per-instance utilisation). */
  busyAreas: Area[] = [];
  /** Group integrals: busy workers, workers able to serve, queued requests, requests in flight. */
  readonly busyArea = new Area();
  readonly capacityArea = new Area();
  readonly queueArea = new Area();
  readonly outstandingArea = new Area();
  /** Cost integrals: provisioned instances and their vCPUs (booting ones are paid for too). */
  readonly instanceArea = new Area();
  readonly vcpuArea = new Area();
  /** Provisioned vCPUs, each weighted by its instance's price factor: base-price vCPU-hours. */
  readonly pricedVcpuArea = new Area();
  /** Instances serving (ready or draining) as an integral, for memory utilisation. */
  readonly servingArea = new Area();

  /**
   * The load balancer over this group's routing set. Whoever changes `outstanding[i]` tells its
   * least-connections index (`balancer.least`) when there is one: the service does, inline.
   */
  readonly balancer: Balancer;

  /** Instances in the group (the typed arrays have room for more: they grow by doubling). */
  private n = 0;
  /** While resizing, state changes skip the rebuild; one rebuild follows the batch. */
  private batching = false;

  constructor(cfg: ServiceConfig, lbRandom: Uniform, salt: number, sizePremium = 0) {
    this.sizePremium = sizePremium;
    this.contention = cfg.contention;
    this.coherency = cfg.coherency;
    this.vcpus = cfg.vcpus;
    this.speed = cfg.speed;
    this.queueCapacity = cfg.queueCapacity;
    this.balancer = new Balancer(lbRandom, salt, cfg.loadBalancer);
    this.baseMemoryMb = cfg.baseMemoryMb;
    this.memoryPerRequestMb = cfg.memoryPerRequestMb;
    this.memoryLimitMb = cfg.memoryLimitMb;
    this.setInstances(cfg.instances, 0, 0);
  }

  get size(): number {
    return this.n;
  }

  /** Instances the balancer may send work to. */
  get readyCount(): number {
    return this.count(READY);
  }

  count(state: number): number {
    let n = 0;
    for (let i = 0; i < this.n; i++) if (this.state[i] === state) n++;
    return n;
  }

  /** Instances provisioned and meant to serve: ready, booting or restarting (not draining). */
  get desiredCount(): number {
    return this.count(READY) + this.count(BOOTING) + this.count(RESTARTING);
  }

  stateOf(i: number): InstanceState {
    if (this.state[i] === READY && !this.alive[i]) return 'down';
    return STATE_NAMES[this.state[i]];
  }

  /** Memory in use on instance i, MB. */
  memoryOf(i: number): number {
    return this.baseMemoryMb + this.memoryPerRequestMb * this.outstanding[i];
  }

  /** Whether instance i can take one more request without exceeding its memory limit. */
  hasMemoryFor(i: number): boolean {
    return this.memoryOf(i) + this.memoryPerRequestMb <= this.memoryLimitMb;
  }

  /**
   * Sets the number of instances meant to serve. New ones boot for `bootMs` (0: ready at once),
   * reusing stopped slots; draining ones are revived first. Removed ones drain: no new work,
   * and they stop once their work is done. Returns the instances that started booting.
   */
  setInstances(n: number, nowMs: number, bootMs: number): number[] {
    const booting: number[] = [];
    this.batching = true;
    let current = this.desiredCount;
    for (let i = 0; i < this.n && current < n; i++) {
      if (this.state[i] === DRAINING && this.alive[i]) {
        this.setState(i, READY, nowMs);
        current++;
      }
    }
    // Stopped slots are reused in order; the search goes on from the last one found (linear overall).
    let from = 0;
    while (current < n) {
      let i = from < this.n ? this.state.subarray(0, this.n).indexOf(STOPPED, from) : -1;
      if (i < 0) i = this.append();
      from = i + 1;
      this.vcpusOf[i] = this.vcpus;
      this.speedOf[i] = this.speed;
      this.slowFactor[i] = 1;
      this.alive[i] = 1;
      this.up[i] = 1;
      this.probeFails[i] = this.probeOks[i] = 0;
      this.readyAtMs[i] = nowMs + bootMs;
      if (bootMs > 0) {
        this.setState(i, BOOTING, nowMs);
        booting.push(i);
      } else this.setState(i, READY, nowMs);
      current++;
    }
    // Scale in: cancel boots first, then drain dead instances, then the highest-numbered ready ones.
    for (let i = this.n - 1; i >= 0 && current > n; i--) {
      if (this.state[i] === BOOTING) {
        this.setState(i, STOPPED, nowMs);
        current--;
      }
    }
    for (const wantDead of [true, false]) {
      for (let i = this.n - 1; i >= 0 && current > n; i--) {
        if (this.state[i] === READY && !this.alive[i] === wantDead) {
          this.setState(i, DRAINING, nowMs);
          current--;
          this.onIdle(i, nowMs, 0);
        }
      }
    }
    this.batching = false;
    this.rebuild();
    return booting;
  }

  /** An instance of `v` vCPUs in base-price vCPUs (its size's price factor applied). */
  private pricedVcpus(v: number): number {
    return v * priceFactor(v, this.sizePremium);
  }

  /** Moves instance i to a new life-cycle state, keeping the capacity and cost integrals. */
  setState(i: number, next: number, nowMs: number): void {
    const prev = this.state[i];
    if (prev === next) return;
    const serving = (s: number) => s === READY || s === DRAINING || s === RESTARTING;
    const provisioned = (s: number) => s !== STOPPED;
    const v = this.vcpusOf[i];
    const d = (f: (s: number) => boolean) => (f(next) ? 1 : 0) - (f(prev) ? 1 : 0);
    this.capacityArea.add(nowMs, d(serving) * v);
    this.servingArea.add(nowMs, d(serving));
    this.instanceArea.add(nowMs, d(provisioned));
    this.vcpuArea.add(nowMs, d(provisioned) * v);
    this.pricedVcpuArea.add(nowMs, d(provisioned) * this.pricedVcpus(v));
    this.state[i] = next;
    if (!this.batching) this.rebuild();
  }

  /** A booting instance whose time has come serves, with the group's current vCPUs and speed. */
  finishBoot(i: number, nowMs: number): boolean {
    if (this.state[i] !== BOOTING || nowMs < this.readyAtMs[i]) return false;
    this.vcpuArea.add(nowMs, this.vcpus - this.vcpusOf[i]);
    this.pricedVcpuArea.add(nowMs, this.pricedVcpus(this.vcpus) - this.pricedVcpus(this.vcpusOf[i]));
    this.vcpusOf[i] = this.vcpus;
    this.speedOf[i] = this.speed;
    this.alive[i] = 1;
    this.up[i] = 1;
    this.probeFails[i] = this.probeOks[i] = 0;
    this.setState(i, READY, nowMs);
    return true;
  }

  /**
   * Instance i has no work left: a draining one stops; one draining for a restart goes down
   * for `restartMs` (it returns true: the caller schedules the end of the boot).
   */
  onIdle(i: number, nowMs: number, restartMs: number): boolean {
    if (this.outstanding[i] !== 0) return false;
    if (this.state[i] === DRAINING) this.setState(i, STOPPED, nowMs);
    if (this.state[i] !== RESTARTING) return false;
    this.readyAtMs[i] = nowMs + restartMs;
    this.setState(i, BOOTING, nowMs);
    return true;
  }

  /** The balancer's routing set changed (health marks); rebuild it. */
  healthChanged(): void {
    this.rebuild();
  }

  /** Picks the instance for a request on `key`; -1 when the balancer has none. */
  route(key: number): number {
    return this.balancer.route(key, this.outstanding, this.n);
  }

  /** Adds an instance slot; the arrays double when full, so building n instances is O(n). */
  private append(): number {
    const i = this.n++;
    if (i === this.state.length) {
      const cap = Math.max(8, 2 * i);
      this.state = grown(this.state, cap);
      this.vcpusOf = grown(this.vcpusOf, cap);
      this.speedOf = grown(this.speedOf, cap);
      this.slowFactor = grown(this.slowFactor, cap);
      this.alive = grown(this.alive, cap);
      this.up = grown(this.up, cap);
      this.probeFails = grown(this.probeFails, cap);
      this.probeOks = grown(this.probeOks, cap);
      this.crashedAtMs = grown(this.crashedAtMs, cap);
      this.readyAtMs = grown(this.readyAtMs, cap);
      this.busy = grown(this.busy, cap);
      this.outstanding = grown(this.outstanding, cap);
    }
    this.queues.push(new IntQueue());
    this.busyAreas.push(new Area());
    return i;
  }

  get algorithm(): LoadBalancerAlgorithm {
    return this.balancer.algorithm;
  }

  set algorithm(a: LoadBalancerAlgorithm) {
    this.balancer.setAlgorithm(a, this.outstanding, this.n);
  }

  /** Recomputes the routing set after a change of instances or health. */
  private rebuild(): void {
    const routable: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.state[i] === READY && this.up[i]) routable.push(i);
    this.balancer.reset(routable, this.outstanding, this.n);
  }
}
