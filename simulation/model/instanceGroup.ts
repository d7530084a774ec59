/**
 * A group of service instances (the command service or the query service) behind one load
 * balancer. Each instance has `vcpus` parallel workers and a bounded FIFO queue; the group keeps
 * the time integrals needed for utilisation and queue length.
 */
import { grown } from '../engine/grown';
import { IntQueue } from '../engine/intQueue';
import { hash32 } from '../engine/hash';
import type { Uniform } from '../engine/random';
import { Area } from '../metrics/area';
import type { LoadBalancerAlgorithm, ServiceConfig } from '../scenario';

export type InstanceState = 'ready' | 'draining' | 'stopped';
const STOPPED = 0;
const READY = 1;
const DRAINING = 2;
const STATE_NAMES: InstanceState[] = ['stopped', 'ready', 'draining'];

/** Virtual nodes per instance on the consistent-hash ring. */
const VNODES = 64;

export class InstanceGroup {
  vcpus: number;
  speed: number;
  queueCapacity: number;
  algorithm: LoadBalancerAlgorithm;

  state: Uint8Array = new Uint8Array(0);
  busy: Int32Array = new Int32Array(0);
  outstanding: Int32Array = new Int32Array(0);
  queues: IntQueue[] = [];
  /** Per-instance busy-worker integrals (for per-instance utilisation). */
  busyAreas: Area[] = [];
  /** Group integrals: busy workers, provisioned workers, queued requests. */
  readonly busyArea = new Area();
  readonly capacityArea = new Area();
  readonly queueArea = new Area();

  private ready: number[] = [];
  private rr = 0;
  private ring: Float64Array = new Float64Array(0);
  private ringOwner: Int32Array = new Int32Array(0);

  constructor(
    cfg: ServiceConfig,
    private readonly lbRandom: Uniform,
    private readonly salt: number,
  ) {
    this.vcpus = cfg.vcpus;
    this.speed = cfg.speed;
    this.queueCapacity = cfg.queueCapacity;
    this.algorithm = cfg.loadBalancer;
    this.setInstances(cfg.instances, 0);
  }

  get size(): number {
    return this.state.length;
  }

  get readyCount(): number {
    return this.ready.length;
  }

  stateOf(i: number): InstanceState {
    return STATE_NAMES[this.state[i]];
  }

  /** Instances that are not stopped (ready or draining). */
  get activeCount(): number {
    let n = 0;
    for (let i = 0; i < this.state.length; i++) if (this.state[i] !== STOPPED) n++;
    return n;
  }

  /**
   * Sets the number of instances taking traffic. New instances start ready (reusing stopped
   * slots first); removed ones drain: no new work, and they stop once their work is done.
   */
  setInstances(n: number, nowMs: number): void {
    let current = this.ready.length;
    // Scale out: revive draining instances first (they are still warm), then stopped slots.
    for (let i = 0; i < this.state.length && current < n; i++) {
      if (this.state[i] === DRAINING) {
        this.state[i] = READY;
        current++;
      }
    }
    for (let i = 0; i < this.state.length && current < n; i++) {
      if (this.state[i] === STOPPED) {
        this.state[i] = READY;
        this.capacityArea.add(nowMs, this.vcpus);
        current++;
      }
    }
    while (current < n) {
      this.append();
      this.state[this.state.length - 1] = READY;
      this.capacityArea.add(nowMs, this.vcpus);
      current++;
    }
    // Scale in: drain the highest-numbered ready instances.
    for (let i = this.state.length - 1; i >= 0 && current > n; i--) {
      if (this.state[i] === READY) {
        this.state[i] = DRAINING;
        current--;
        this.stopIfDrained(i, nowMs);
      }
    }
    this.rebuild();
  }

  /** Changes the workers per instance; the capacity integral follows. */
  setVcpus(vcpus: number, nowMs: number): void {
    this.capacityArea.add(nowMs, (vcpus - this.vcpus) * this.activeCount);
    this.vcpus = vcpus;
  }

  /** A draining instance with no work left stops. */
  stopIfDrained(i: number, nowMs: number): void {
    if (this.state[i] === DRAINING && this.outstanding[i] === 0) {
      this.state[i] = STOPPED;
      this.capacityArea.add(nowMs, -this.vcpus);
    }
  }

  /** Picks the instance for a request on `key`; -1 when no instance is ready. */
  route(key: number): number {
    const ready = this.ready;
    const n = ready.length;
    if (n === 0) return -1;
    if (n === 1) return ready[0];
    switch (this.algorithm) {
      case 'round-robin':
        return ready[this.rr++ % n];
      case 'random':
        return ready[Math.floor(this.lbRandom() * n)];
      case 'least-connections': {
        // Scan from a rotating start so ties do not always favour the same instance.
        const start = this.rr++ % n;
        let best = ready[start];
        let bestLoad = this.outstanding[best];
        for (let j = 1; j < n && bestLoad > 0; j++) {
          const c = ready[(start + j) % n];
          if (this.outstanding[c] < bestLoad) {
            best = c;
            bestLoad = this.outstanding[c];
          }
        }
        return best;
      }
      case 'power-of-two': {
        const a = Math.floor(this.lbRandom() * n);
        let b = Math.floor(this.lbRandom() * (n - 1));
        if (b >= a) b++;
        const ia = ready[a];
        const ib = ready[b];
        return this.outstanding[ib] < this.outstanding[ia] ? ib : ia;
      }
      case 'consistent-hash': {
        const h = hash32(key, this.salt);
        const ring = this.ring;
        let lo = 0;
        let hi = ring.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ring[mid] < h) lo = mid + 1;
          else hi = mid;
        }
        return this.ringOwner[lo === ring.length ? 0 : lo];
      }
    }
  }

  private append(): void {
    const n = this.state.length + 1;
    this.state = grown(this.state, n);
    this.busy = grown(this.busy, n);
    this.outstanding = grown(this.outstanding, n);
    this.queues.push(new IntQueue());
    this.busyAreas.push(new Area());
  }

  /** Recomputes the ready list and the hash ring after a change of instances. */
  private rebuild(): void {
    this.ready = [];
    for (let i = 0; i < this.state.length; i++) if (this.state[i] === READY) this.ready.push(i);
    const points: [number, number][] = [];
    for (const i of this.ready) for (let v = 0; v < VNODES; v++) points.push([hash32(i * VNODES + v, this.salt ^ 0x5bd1e995), i]);
    points.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    this.ring = Float64Array.from(points, (p) => p[0]);
    this.ringOwner = Int32Array.from(points, (p) => p[1]);
  }
}
