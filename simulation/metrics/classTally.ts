/**
 * Outcome counts and latencies for one class of request (commands or queries): for the run's
 * report (requests that arrived after warm-up, `counted`) and for the current window (every
 * request, by the time its outcome happened).
 */
import { Histogram } from './histogram';
import { StageSums, type StageSplit } from './stageSums';
import { S_CLIENT_VALUE, S_VALUE } from '../model/stageSlots';
import type { ClassWindow, ErrorCounts } from '../types';

/**
 * Why an attempt failed: the engine's own causes, and those the parts add (each part's module
 * extends `ErrorCounts` in types.ts with its own).
 */
export type FailureCause = keyof ErrorCounts;

/** The engine's own failure causes, in the order of the report. */
export const CORE_FAILURE_CAUSES: readonly FailureCause[] = ['deadInstance', 'shardDown', 'injected', 'noInstance'];

/** A count of 0 for every cause in `causes`, in that order. */
function noFailures(causes: readonly FailureCause[]): Record<FailureCause, number> {
  const counts = {} as Record<FailureCause, number>;
  for (const c of causes) counts[c] = 0;
  return counts;
}

/** A summary's stages as `simulation/stages.ts` lists them: ids, and their slots in a request's vector. */
interface StagePathLike {
  readonly ids: readonly string[];
  readonly slots: readonly number[];
}

const NO_STAGES: StagePathLike = { ids: [], slots: [] };

/** The entries of `o` named in `keys`, in that order. */
function pick(o: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < keys.length; i++) out[keys[i]] = o[keys[i]];
  return out;
}

export class ClassTally {
  /** Attempts (a retry is an attempt of its own) by outcome. */
  offered = 0;
  completed = 0;
  rejected = 0;
  timedOut = 0;
  failed = 0;
  readonly failedBy: Record<FailureCause, number>;
  /** Attempts that were retries. */
  retries = 0;
  /** Attempts offered since the start, warm-up included (for the autoscaler's request rate). */
  attemptsEver = 0;
  /** Client requests: first attempts, those that got an answer in time, those that gave up. */
  started = 0;
  succeeded = 0;
  gaveUp = 0;
  readonly latency = new Histogram();
  readonly gaveUpAfter = new Histogram();
  /** Queries only: answers, stale answers, cache lookups and hits (run, counted). */
  answers = 0;
  staleAnswers = 0;
  cacheLookups = 0;
  cacheHits = 0;

  /** The current window's attempts by outcome (plain fields: they change on every attempt). */
  private wOffered = 0;
  private wCompleted = 0;
  private wRejected = 0;
  private wTimedOut = 0;
  private wFailed = 0;
  private wRetries = 0;
  /** Failures in the current window, by cause. */
  windowFailedBy: Record<FailureCause, number>;
  private readonly windowLatency = new Histogram();
  /**
   * The client's latency (see `clientLatency`), run and window. An answered request that was
   * its client's first attempt waited exactly its attempt's latency; until a retry is answered,
   * every sample is the attempt's, so the client histograms are the attempt ones and each answer
   * records once. The first answer that differs gives them histograms of their own, copies of
   * the attempt ones at that moment, that then go their own way.
   */
  private readonly ownClientLatency = new Histogram();
  private readonly ownWindowClientLatency = new Histogram();
  private clientIsAttempt = true;
  private windowClientIsAttempt = true;
  private wAnswers = 0;
  private wStale = 0;
  private wLookups = 0;
  private wHits = 0;

  /** Stage sums (stageSums.ts) beside each histogram: the attempts' (laid out as the client's), the client's own once it parts. */
  private readonly latencyStages: StageSums;
  private readonly windowLatencyStages: StageSums;
  private readonly ownClientStages: StageSums;
  private readonly ownWindowClientStages: StageSums;
  /** The stages of the window that closed last (`closeWindow`), attempts' and client's. */
  windowSplits: { latencyMs: StageSplit; clientLatencyMs: StageSplit } | null = null;
  private readonly attemptIds: readonly string[];

  /**
   * `causes`: every cause an attempt of this class may fail with (the engine's and the parts').
   * `attempt` and `client`: the stages of an attempt and of a client request, as ids and slots of
   * the vectors `answer` is handed; the client's start with the attempt's.
   */
  constructor(
    private readonly causes: readonly FailureCause[] = CORE_FAILURE_CAUSES,
    attempt: StagePathLike = NO_STAGES,
    client: StagePathLike = attempt,
  ) {
    this.failedBy = noFailures(causes);
    this.windowFailedBy = noFailures(causes);
    const n = attempt.slots.length;
    this.attemptIds = attempt.ids;
    this.latencyStages = new StageSums(client.ids, client.slots, n);
    this.windowLatencyStages = new StageSums(client.ids, client.slots, n);
    this.ownClientStages = new StageSums(client.ids, client.slots);
    this.ownWindowClientStages = new StageSums(client.ids, client.slots);
  }

  /** The attempts' latency split by stage (an attempt has no earlier attempts nor back-offs: its own stages only). */
  latencySplit(): StageSplit {
    const s = this.latencyStages.split(this.latency);
    return { stages: pick(s.stages, this.attemptIds), tailStages: pick(s.tailStages, this.attemptIds), tail: s.tail };
  }

  /** The client requests' latency split by stage. */
  clientSplit(): StageSplit {
    return (this.clientIsAttempt ? this.latencyStages : this.ownClientStages).split(this.clientLatency);
  }

  offer(counted: boolean, retry: boolean): void {
    this.wOffered++;
    this.attemptsEver++;
    if (retry) this.wRetries++;
    if (counted) {
      this.offered++;
      if (retry) this.retries++;
      else this.started++;
    }
  }

  /**
   * Per client request, from its first attempt's start to its final outcome (backoffs and failed
   * attempts included), for those that got an answer in time.
   */
  get clientLatency(): Histogram {
    return this.clientIsAttempt ? this.latency : this.ownClientLatency;
  }

  /**
   * An attempt got its answer in time. Its latency is at `st[at + S_VALUE]`, what its client waited
   * (from its first attempt's start) at `st[at + S_CLIENT_VALUE]`, its stages at their slots (those
   * not 0 in `mask`, see `StageSums.record`), and it ended in stage `open` (numbers in a vector, not
   * arguments: see stageSlots.ts). The first
   * answer whose wait is not its attempt's latency parts the client's histograms and stage sums
   * from the attempts'; the window's and the run's sums are kept in one pass.
   */
  answer(counted: boolean, st: Float64Array, at: number, open: number, mask: number): void {
    const latencyMs = st[at + S_VALUE];
    const waitedMs = st[at + S_CLIENT_VALUE];
    if (waitedMs !== latencyMs) this.part(counted);
    this.wCompleted++;
    this.windowLatency.record(latencyMs);
    if (counted) {
      this.completed++;
      this.succeeded++;
      this.latency.record(latencyMs);
    }
    this.windowLatencyStages.record(st, at, S_VALUE, open, mask, counted ? this.latencyStages : null);
    if (!this.windowClientIsAttempt) {
      this.ownWindowClientLatency.record(waitedMs);
      this.ownWindowClientStages.record(st, at, S_CLIENT_VALUE, open, mask, counted && !this.clientIsAttempt ? this.ownClientStages : null);
    } else if (counted && !this.clientIsAttempt) {
      this.ownClientStages.record(st, at, S_CLIENT_VALUE, open, mask);
    }
    if (counted && !this.clientIsAttempt) this.ownClientLatency.record(waitedMs);
  }

  /** The client's histograms and stage sums become copies of the attempts', then go their own way (cold). */
  private part(counted: boolean): void {
    if (this.windowClientIsAttempt) {
      this.ownWindowClientLatency.copyFrom(this.windowLatency);
      this.ownWindowClientStages.copyFrom(this.windowLatencyStages);
      this.windowClientIsAttempt = false;
    }
    if (counted && this.clientIsAttempt) {
      this.ownClientLatency.copyFrom(this.latency);
      this.ownClientStages.copyFrom(this.latencyStages);
      this.clientIsAttempt = false;
    }
  }

  /** The client request behind an attempt gave up, `waitedMs` after its first attempt started. */
  giveUp(counted: boolean, waitedMs: number): void {
    if (!counted) return;
    this.gaveUp++;
    this.gaveUpAfter.record(waitedMs);
  }

  reject(counted: boolean): void {
    this.wRejected++;
    if (counted) this.rejected++;
  }

  fail(counted: boolean, cause: FailureCause): void {
    this.wFailed++;
    this.windowFailedBy[cause]++;
    if (counted) {
      this.failed++;
      this.failedBy[cause]++;
    }
  }

  timeOut(counted: boolean): void {
    this.wTimedOut++;
    if (counted) this.timedOut++;
  }

  /** A query answered in time: was its version older than the latest commit? */
  answered(counted: boolean, stale: boolean): void {
    this.wAnswers++;
    if (stale) this.wStale++;
    if (counted) {
      this.answers++;
      if (stale) this.staleAnswers++;
    }
  }

  /** A query looked in the cache. */
  lookup(counted: boolean, hit: boolean): void {
    this.wLookups++;
    if (hit) this.wHits++;
    if (counted) {
      this.cacheLookups++;
      if (hit) this.cacheHits++;
    }
  }

  windowHitRatio(): number {
    return this.wLookups === 0 ? 0 : this.wHits / this.wLookups;
  }

  windowStaleRatio(): number {
    return this.wAnswers === 0 ? 0 : this.wStale / this.wAnswers;
  }

  resetWindowRatios(): void {
    this.wAnswers = this.wStale = this.wLookups = this.wHits = 0;
  }

  /** The current window's counts and latency percentiles; then starts the next one. */
  closeWindow(): ClassWindow {
    const h = this.windowLatency;
    const attempt = { p50: 0, p95: 0, p99: 0 };
    h.percentiles(attempt);
    const split = this.windowLatencyStages.split(h);
    const keep = this.attemptIds;
    const latencyMs = { stages: pick(split.stages, keep), tailStages: pick(split.tailStages, keep), tail: split.tail };
    let client = attempt;
    let clientLatencyMs = split;
    if (!this.windowClientIsAttempt) {
      client = { p50: 0, p95: 0, p99: 0 };
      this.ownWindowClientLatency.percentiles(client);
      clientLatencyMs = this.ownWindowClientStages.split(this.ownWindowClientLatency);
      this.ownWindowClientLatency.reset();
      this.ownWindowClientStages.reset();
      this.windowClientIsAttempt = true;
    }
    this.windowSplits = { latencyMs, clientLatencyMs };
    this.windowLatencyStages.reset();
    // Written out, not spread: a spread of two objects into one literal took a slow path, and
    // this runs twice a window. The keys keep the order the series and snapshots have always had.
    const out: ClassWindow = {
      offered: this.wOffered,
      completed: this.wCompleted,
      rejected: this.wRejected,
      timedOut: this.wTimedOut,
      failed: this.wFailed,
      retries: this.wRetries,
      p50: attempt.p50,
      p95: attempt.p95,
      p99: attempt.p99,
      clientP50: client.p50,
      clientP95: client.p95,
      clientP99: client.p99,
    };
    this.wOffered = this.wCompleted = this.wRejected = this.wTimedOut = this.wFailed = this.wRetries = 0;
    this.windowFailedBy = noFailures(this.causes);
    h.reset();
    return out;
  }
}
