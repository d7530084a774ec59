/**
 * The load balancer in front of an instance group: the routing set (the instances it may send
 * work to, kept by the group as instances and health change) and the algorithm that picks one of
 * them per request. Round-robin and least-connections share one counter; random and
 * power-of-two draw from the balancer's own stream; consistent-hash asks its ring.
 */
import type { Uniform } from '../engine/random';
import type { LoadBalancerAlgorithm } from '../scenario';
import { HashRing } from './hashRing';
import { INDEX_FROM, LeastLoaded, scanLeast } from './leastLoaded';

export class Balancer {
  /** Instances the balancer may send work to, in slot order. */
  routable: number[] = [];
  /**
   * Least-connections' index of the loads over a routing set of INDEX_FROM or more, else null.
   * Whoever changes an instance's load tells it: the service does, inline on its hot path.
   */
  least: LeastLoaded | null = null;
  private leastIndex: LeastLoaded | null = null;
  private rr = 0;
  private lb: LoadBalancerAlgorithm;
  private readonly ring: HashRing;

  constructor(
    private readonly random: Uniform,
    salt: number,
    algorithm: LoadBalancerAlgorithm,
  ) {
    this.lb = algorithm;
    this.ring = new HashRing(salt);
  }

  get algorithm(): LoadBalancerAlgorithm {
    return this.lb;
  }

  /** Switches the algorithm; `loads` and `n` (the group's slots) rebuild least-connections' index. */
  setAlgorithm(a: LoadBalancerAlgorithm, loads: Int32Array, n: number): void {
    this.lb = a;
    this.indexLoads(loads, n);
  }

  /** A new routing set (after a change of instances or health), with the group's loads and slot count. */
  reset(routable: number[], loads: Int32Array, n: number): void {
    this.routable = routable;
    this.ring.markStale();
    this.indexLoads(loads, n);
  }

  /** Picks the instance for a request on `key`, given each instance's requests in flight; -1 when there is none. */
  route(key: number, loads: Int32Array, n: number): number {
    const ready = this.routable;
    const count = ready.length;
    if (count === 0) return -1;
    if (count === 1) return ready[0];
    switch (this.lb) {
      case 'round-robin':
        return ready[this.rr++ % count];
      case 'random':
        return ready[Math.floor(this.random.next() * count)];
      case 'least-connections':
        return ready[this.least !== null ? this.least.pick(this.rr++ % count) : scanLeast(ready, loads, this.rr++ % count)];
      case 'power-of-two': {
        const a = Math.floor(this.random.next() * count);
        let b = Math.floor(this.random.next() * (count - 1));
        if (b >= a) b++;
        const ia = ready[a];
        const ib = ready[b];
        return loads[ib] < loads[ia] ? ib : ia;
      }
      case 'consistent-hash':
        return this.ring.owner(key, ready, n);
    }
  }

  /** Least-connections over a large routing set keeps its index, rebuilt from the current loads. */
  private indexLoads(loads: Int32Array, n: number): void {
    this.least = this.lb === 'least-connections' && this.routable.length >= INDEX_FROM ? (this.leastIndex ??= new LeastLoaded()) : null;
    this.least?.reset(this.routable, loads, n);
  }
}
