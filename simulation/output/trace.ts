/**
 * Traces of whole requests, for a deterministic sample (docs/stages.md, "Traces"): every `every`th
 * client request, counted in arrival order from 1 from a phase the seed sets, and any request
 * chosen by its number (`ids`), keeps its spans: the request (the root), each attempt, each stage
 * of an attempt (part, instance, start and end in simulated ms), the back-offs between attempts,
 * and for a command the way of its write to visibility: append, partition wait, apply (and failed
 * applies), and the copy to each replica.
 *
 * The engine calls it only where a request is traced (`F_TRACED`, set on a sampled request's
 * attempts) or, once per arrival and per published event, through a null check: with no tracer
 * the run is the run without one. It holds the spans of at most `maxTraces` traces (then it stops
 * sampling), so its memory is bounded by the sample, never by the run's length. A trace is kept
 * once its request has ended (and, for a command, its write is visible everywhere or dropped);
 * requests still in flight when the run ends are left out.
 *
 * It may be attached mid-run (requests keep their numbers from the run's first: the clients count
 * them) and detached at any time between events (`detach`): a host traces a request it chose only
 * while it waits for it.
 */
import { hash32 } from '../engine/hash';
import { F_COMMAND, F_TRACED, type RequestPool } from '../model/requestPool';
import type { EventStream } from '../model/eventStream';
import type { RequestTracer } from '../parts/ports';
import { STAGES } from '../stages';
import * as S from '../model/stageSlots';

export interface TraceOptions {
  /** Trace every so many client requests (1: all); 0 traces only `ids`. */
  readonly every: number;
  /** Client requests to trace by number (1 is the first to arrive). */
  readonly ids?: readonly number[];
  /** The most traces kept (default 10,000; Infinity: no bound, for a host that keeps none itself). */
  readonly maxTraces?: number;
  /**
   * Receives each trace as it completes, instead of `done` keeping it: a host that keeps only a
   * few (the page's slowest request of each second) bounds the memory itself.
   */
  readonly onDone?: (trace: Trace) => void;
}

/** One span, in simulated ms from the run's start. */
export interface Span {
  readonly id: number;
  /** 0 for a trace's root. */
  readonly parent: number;
  readonly name: string;
  readonly part: string;
  /** The instance, shard, partition, projector or read node (-1: none). */
  readonly instance: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The attempt it belongs to (1 for the first; 0 for the request and the write's visibility). */
  readonly attempt: number;
  /** ok, or how it ended: failed, rejected, timedOut, gaveUp, dropped. */
  readonly outcome: string;
}

export interface Trace {
  /** The client request's number (arrival order, from 1). */
  readonly request: number;
  readonly kind: 'query' | 'command';
  /** Its spans: the root first, then in the order they ended. */
  readonly spans: Span[];
}

interface Open {
  trace: Trace;
  root: number;
  startMs: number;
  attemptSpan: number;
  attemptStartMs: number;
  attempt: number;
  /** The span of the write that committed (parent of the visibility), or 0. */
  writeSpan: number;
  /** Whether the request has ended, and whether its write's visibility is still being traced. */
  ended: boolean;
  visibility: boolean;
}

interface Visible {
  open: Open;
  span: number;
  commitMs: number;
  applyEndMs: number;
  projector: number;
}

const NAMES: Record<'request' | 'event', string[]> = { request: [], event: [] };
for (const s of STAGES) NAMES[s.vector][s.slot] ??= s.id;

/** The part that serves a request in each stage. */
function requestPart(slot: number, command: boolean): string {
  if (slot <= S.S_SERVICE) return command ? 'commandService' : 'queryService';
  if (slot === S.S_CACHE) return 'cache';
  if (slot <= S.S_READ) return 'readStore';
  if (slot <= S.S_WRITE) return 'writeStore';
  return slot === S.S_APPEND ? 'eventStream' : 'clients';
}

export class Tracer {
  /** Traces complete, in the order they completed (none with `onDone`, which receives them instead). */
  readonly done: Trace[] = [];
  private reqs!: RequestPool;
  private stream!: EventStream;
  private clients!: { tracer: RequestTracer | null };
  private spanIds = 0;
  private kept = 0;
  private readonly phase: number;
  private readonly ids: ReadonlySet<number>;
  private readonly max: number;
  // By the pool's slot (attempt, event): arrays, not Maps, for a host that traces every request.
  private readonly bySlot: (Open | undefined)[] = [];
  private readonly byEvent: (Visible | undefined)[] = [];

  constructor(
    private readonly options: TraceOptions,
    seed: number,
  ) {
    this.phase = options.every > 0 ? hash32(seed >>> 0, 0x7ace) % options.every : 0;
    this.ids = new Set(options.ids ?? []);
    this.max = options.maxTraces ?? 10_000;
  }

  /** Puts it in a run's request path, in place of any tracer there (`Simulation.trace`). */
  attach(reqs: RequestPool, stream: EventStream, clients: { tracer: RequestTracer | null }): this {
    this.reqs = reqs;
    this.stream = stream;
    this.clients = clients;
    reqs.tracer = stream.tracer = clients.tracer = this;
    return this;
  }

  /**
   * Takes it out of the run's path (if it is still there), dropping the traces it has not
   * completed: from then on the run is the run without a tracer. Between events only.
   */
  detach(): void {
    if (this.reqs === undefined || this.reqs.tracer !== this) return;
    this.reqs.tracer = this.stream.tracer = this.clients.tracer = null;
    const flags = this.reqs.flags;
    for (let i = 0; i < flags.length; i++) flags[i] &= ~F_TRACED;
  }

  /** Client request `n` arrives (its first attempt, slot `id`): traced if the rule picks it. */
  arrive(id: number, n: number, nowMs: number): void {
    const every = this.options.every;
    if (!((every > 0 && (n + this.phase) % every === 0) || this.ids.has(n)) || this.kept >= this.max) return;
    this.kept++;
    const r = this.reqs;
    r.flags[id] |= F_TRACED;
    const root = ++this.spanIds;
    const trace: Trace = { request: n, kind: r.flags[id] & F_COMMAND ? 'command' : 'query', spans: [] };
    this.bySlot[id] = { trace, root, startMs: nowMs, attemptSpan: ++this.spanIds, attemptStartMs: nowMs, attempt: 1, writeSpan: 0, ended: false, visibility: false };
  }

  private span(o: Open, parent: number, name: string, part: string, instance: number, startMs: number, endMs: number, attempt: number, outcome: string, id = ++this.spanIds): number {
    o.trace.spans.push({ id, parent, name, part, instance, startMs, endMs, attempt, outcome });
    return id;
  }

  /** Traced attempt `id` spent [startMs, endMs] in the stage at `slot` (RequestPool.enter). */
  stage(id: number, slot: number, startMs: number, endMs: number, outcome = 'ok'): void {
    const o = this.bySlot[id];
    if (o === undefined) return;
    const r = this.reqs;
    if (slot === S.S_BACKOFF) {
      // The back-off ends as the retry starts: a child of the request, then the new attempt.
      this.span(o, o.root, 'backoff', 'clients', -1, startMs, endMs, o.attempt - 1, 'ok');
      o.attemptSpan = ++this.spanIds;
      o.attemptStartMs = endMs;
      return;
    }
    const command = (r.flags[id] & F_COMMAND) !== 0;
    const instance = slot <= S.S_SERVICE ? r.instance[id] : slot === S.S_CACHE || slot === S.S_APPEND ? -1 : r.resource[id];
    const sid = this.span(o, o.attemptSpan, NAMES.request[slot], requestPart(slot, command), instance, startMs, endMs, o.attempt, outcome);
    if (slot === S.S_WRITE) o.writeSpan = sid;
  }

  /** Traced attempt `id` ended without an answer at `nowMs`; `next` retries it (-1: the client gives up at `endMs`). */
  attemptEnded(id: number, outcome: string, nowMs: number, next: number, endMs: number): void {
    const o = this.bySlot[id];
    if (o === undefined) return;
    const r = this.reqs;
    // The stage it was in ends with it; whatever the server still does for it is not the client's.
    this.stage(id, r.open[id], r.markMs[id], nowMs, outcome);
    this.span(o, o.root, `attempt ${o.attempt}`, command(r, id), -1, o.attemptStartMs, nowMs, o.attempt, outcome, o.attemptSpan);
    r.flags[id] &= ~F_TRACED;
    this.bySlot[id] = undefined;
    if (next >= 0) {
      o.attempt++;
      this.bySlot[next] = o;
      return;
    }
    this.endRequest(o, endMs, 'gaveUp');
  }

  /** Traced attempt `id` was answered at `nowMs` (its last stage already closed). */
  answered(id: number, nowMs: number): void {
    const o = this.bySlot[id];
    if (o === undefined) return;
    const r = this.reqs;
    this.span(o, o.root, `attempt ${o.attempt}`, command(r, id), -1, o.attemptStartMs, nowMs, o.attempt, 'ok', o.attemptSpan);
    this.bySlot[id] = undefined;
    this.endRequest(o, nowMs, 'ok');
  }

  private endRequest(o: Open, endMs: number, outcome: string): void {
    const t = o.trace;
    t.spans.unshift({ id: o.root, parent: 0, name: t.kind, part: 'clients', instance: -1, startMs: o.startMs, endMs, attempt: 0, outcome });
    o.ended = true;
    if (!o.visibility) this.complete(t);
  }

  /** Request `id` committed its write as event `ev` at `nowMs` (Projection.publish). */
  published(id: number, ev: number, nowMs: number): void {
    const o = this.bySlot[id];
    if (o === undefined) return;
    o.visibility = true;
    this.byEvent[ev] = { open: o, span: ++this.spanIds, commitMs: nowMs, applyEndMs: nowMs, projector: -1 };
  }

  /** Event `ev` spent [startMs, endMs] in the stage at `slot` (EventStream.enter). */
  eventStage(ev: number, slot: number, startMs: number, endMs: number): void {
    const v = this.byEvent[ev];
    if (v === undefined || slot === S.V_REPLICA_COPY) return;
    if (slot === S.V_APPLY) v.applyEndMs = endMs;
    const s = this.stream;
    // Its projector took it as its partition wait ended.
    if (slot === S.V_PARTITION_WAIT) v.projector = s.current.indexOf(ev);
    const instance = slot >= S.V_APPLY ? v.projector : s.partition[ev];
    this.span(v.open, v.span, NAMES.event[slot], slot >= S.V_APPLY ? 'projectors' : 'eventStream', instance, startMs, endMs, 0, 'ok');
  }

  /** Traced event `ev` reached read node `node` at `nowMs`. */
  replicated(ev: number, node: number, nowMs: number): void {
    const v = this.byEvent[ev];
    if (v !== undefined) this.span(v.open, v.span, `visible on replica ${node}`, 'readStore', node, v.applyEndMs, nowMs, 0, 'ok');
  }

  /** Traced event `ev` is visible everywhere at `nowMs` (or was dropped). */
  visible(ev: number, nowMs: number, outcome = 'ok'): void {
    const v = this.byEvent[ev];
    if (v === undefined) return;
    this.byEvent[ev] = undefined;
    const o = v.open;
    this.span(o, o.writeSpan || o.root, 'visibility', 'eventStream', -1, v.commitMs, nowMs, 0, outcome, v.span);
    o.visibility = false;
    if (o.ended) this.complete(o.trace);
  }

  private complete(t: Trace): void {
    if (this.options.onDone) this.options.onDone(t);
    else this.done.push(t);
  }
}

function command(r: RequestPool, id: number): string {
  return r.flags[id] & F_COMMAND ? 'commandService' : 'queryService';
}
