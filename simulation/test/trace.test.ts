/**
 * Traces (output/trace.ts, output/otlp.ts): the OTLP/JSON document is well formed by the protobuf
 * JSON mapping of opentelemetry-proto's ExportTraceServiceRequest (checked here field by field,
 * and against OpenTelemetry's own serializer in otlpOfficial.test.ts), the same run gives the same bytes, each root span is its
 * request's latency, and the spans under it tile it without gaps or overlaps.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, Simulation, toOtlp, type Trace } from '../index';
import { scenario } from './helpers';

type Json = Record<string, unknown>;

const HEX = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);
const NANOS = /^(0|[1-9]\d*)$/;

/** Problems of an OTLP/JSON trace export, by the proto3 JSON mapping of trace.proto and common.proto. */
function otlpProblems(doc: Json): string[] {
  const bad: string[] = [];
  const keys = (o: Json, allowed: string[], at: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) bad.push(`${at}: unknown field ${k}`);
  };
  const attributes = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return bad.push(`${at}: attributes is not a list`);
    for (const kv of list as Json[]) {
      keys(kv, ['key', 'value'], at);
      const v = kv.value as Json;
      const [kind, ...more] = Object.keys(v);
      if (typeof kv.key !== 'string' || kv.key === '' || more.length > 0) bad.push(`${at}: bad attribute ${JSON.stringify(kv)}`);
      else if (kind === 'stringValue' ? typeof v[kind] !== 'string' : kind === 'intValue' ? !/^-?\d+$/.test(String(v[kind])) || typeof v[kind] !== 'string' : kind === 'doubleValue' ? typeof v[kind] !== 'number' : kind !== 'boolValue') {
        bad.push(`${at}: bad attribute value ${JSON.stringify(v)}`);
      }
    }
  };
  keys(doc, ['resourceSpans'], 'request');
  for (const [i, rs] of (doc.resourceSpans as Json[]).entries()) {
    keys(rs, ['resource', 'scopeSpans', 'schemaUrl'], `resourceSpans[${i}]`);
    attributes((rs.resource as Json).attributes, `resourceSpans[${i}].resource`);
    for (const ss of rs.scopeSpans as Json[]) {
      keys(ss, ['scope', 'spans', 'schemaUrl'], 'scopeSpans');
      if (typeof (ss.scope as Json).name !== 'string') bad.push('scope without a name');
      for (const s of ss.spans as Json[]) {
        const at = `span ${String(s.spanId)}`;
        keys(s, ['traceId', 'spanId', 'parentSpanId', 'traceState', 'flags', 'name', 'kind', 'startTimeUnixNano', 'endTimeUnixNano', 'attributes', 'droppedAttributesCount', 'events', 'droppedEventsCount', 'links', 'droppedLinksCount', 'status'], at);
        if (!HEX(32).test(String(s.traceId)) || /^0+$/.test(String(s.traceId))) bad.push(`${at}: bad traceId`);
        if (!HEX(16).test(String(s.spanId)) || /^0+$/.test(String(s.spanId))) bad.push(`${at}: bad spanId`);
        if (s.parentSpanId !== undefined && !HEX(16).test(String(s.parentSpanId))) bad.push(`${at}: bad parentSpanId`);
        if (typeof s.name !== 'string' || s.name === '') bad.push(`${at}: no name`);
        if (!Number.isInteger(s.kind) || (s.kind as number) < 0 || (s.kind as number) > 5) bad.push(`${at}: bad kind`);
        const start = String(s.startTimeUnixNano);
        const end = String(s.endTimeUnixNano);
        if (typeof s.startTimeUnixNano !== 'string' || !NANOS.test(start) || !NANOS.test(end) || BigInt(end) < BigInt(start)) bad.push(`${at}: bad times`);
        attributes(s.attributes, at);
        const st = s.status as Json;
        keys(st, ['code', 'message'], at);
        if (![0, 1, 2].includes(st.code as number)) bad.push(`${at}: bad status`);
      }
    }
  }
  return bad;
}

interface FlatSpan {
  id: string;
  parent: string;
  name: string;
  start: bigint;
  end: bigint;
  trace: string;
}

function spansOf(doc: Json): FlatSpan[] {
  return (doc.resourceSpans as Json[]).flatMap((rs) =>
    (rs.scopeSpans as Json[]).flatMap((ss) =>
      (ss.spans as Json[]).map((s) => ({
        id: s.spanId as string,
        parent: (s.parentSpanId as string | undefined) ?? '',
        name: s.name as string,
        start: BigInt(s.startTimeUnixNano as string),
        end: BigInt(s.endTimeUnixNano as string),
        trace: s.traceId as string,
      })),
    ),
  );
}

/** Whether `parts` cover [start, end] end to end: each starts where the one before ended. */
function tiles(parts: FlatSpan[], start: bigint, end: bigint): boolean {
  const sorted = [...parts].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1));
  let at = start;
  for (const p of sorted) {
    if (p.start !== at) return false;
    at = p.end;
  }
  return at === end;
}

const busy = scenario({
  durationS: 12,
  warmupS: 0,
  workload: { rps: 300, writeRatio: 0.3, timeoutMs: 60, retries: { max: 2, backoffMs: 10, jitter: 0.5 } },
  queryService: { instances: 2, vcpus: 1, serviceTimeMs: { type: 'exponential', meanMs: 5 } },
  readStore: { replicas: 2 },
  faults: [{ atS: 4, kind: 'crash', target: 'queryService', instance: 0, forS: 3 }],
});

function traced(every: number, maxTraces?: number): { traces: Trace[]; text: string; sim: Simulation } {
  const sim = new Simulation(busy);
  const tracer = sim.trace({ every, maxTraces, ids: [3] });
  sim.run();
  // Every write then reaches every replica: its command's trace is complete.
  sim.drain();
  return { traces: tracer.done, text: JSON.stringify(toOtlp(tracer.done, busy.name, busy.seed)), sim };
}

describe('traces', () => {
  const all = traced(1);
  const doc = JSON.parse(all.text) as Json;

  it('the OTLP/JSON document keeps the protobuf JSON mapping; the same run gives the same bytes', () => {
    expect(all.traces.length).toBeGreaterThan(1000);
    expect(otlpProblems(doc)).toEqual([]);
    const spans = spansOf(doc);
    expect(new Set(spans.map((s) => s.id)).size).toBe(spans.length);
    const ids = new Set(spans.map((s) => s.id));
    for (const s of spans) if (s.parent !== '') expect(ids.has(s.parent)).toBe(true);
    expect(traced(1).text).toBe(all.text);
  });

  it("each root span is its request's latency: the answered queries' roots are the report's client latencies", () => {
    const r = buildReport(all.sim);
    // Tracing changes nothing of the run.
    const plain = new Simulation(busy);
    plain.run();
    plain.drain();
    expect(JSON.stringify(buildReport(plain))).toBe(JSON.stringify(r));
    const roots = all.traces.filter((t) => t.kind === 'query').map((t) => t.spans[0]).filter((s) => s.outcome === 'ok');
    expect(roots.length).toBe(r.queries.clientLatencyMs.count);
    const mean = roots.reduce((a, s) => a + (s.endMs - s.startMs), 0) / roots.length;
    expect(mean).toBeCloseTo(r.queries.clientLatencyMs.mean, 9);
    const cmd = all.traces.filter((t) => t.kind === 'command').map((t) => t.spans[0]).filter((s) => s.outcome === 'ok');
    expect(cmd.length).toBe(r.commands.clientLatencyMs.count);
    // Some requests retried and some gave up: their traces have more than one attempt.
    expect(all.traces.some((t) => t.spans.some((s) => s.name === 'backoff'))).toBe(true);
    expect(all.traces.some((t) => t.spans[0].outcome === 'gaveUp')).toBe(true);
  });

  it('the attempts and back-offs tile the root, the stages tile each attempt, and a write reaches every replica', () => {
    const spans = spansOf(doc);
    const children = new Map<string, FlatSpan[]>();
    for (const s of spans) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
    let visibilities = 0;
    for (const s of spans) {
      if (s.parent === '') {
        const kids = children.get(s.id) ?? [];
        expect(tiles(kids, s.start, s.end), `trace ${s.trace}`).toBe(true);
        for (const a of kids.filter((k) => k.name.startsWith('attempt '))) {
          const stages = (children.get(a.id) ?? []).filter((k) => k.name !== 'visibility');
          expect(tiles(stages, a.start, a.end), `attempt ${a.id}`).toBe(true);
        }
      }
      if (s.name === 'visibility') {
        visibilities++;
        const kids = children.get(s.id) ?? [];
        const copies = kids.filter((k) => k.name.startsWith('visible on replica'));
        const path = kids.filter((k) => !k.name.startsWith('visible on replica'));
        const applied = path.reduce((m, k) => (k.end > m ? k.end : m), s.start);
        // The critical path: append, partition wait, apply (and failed applies) from the commit, then the slowest copy.
        expect(tiles(path, s.start, applied)).toBe(true);
        expect(copies.length).toBe(2);
        for (const c of copies) expect(c.start).toBe(applied);
        expect(copies.reduce((m, k) => (k.end > m ? k.end : m), applied)).toBe(s.end);
      }
    }
    expect(visibilities).toBeGreaterThan(100);
  });

  it('every Nth request by a seeded rule, chosen ids on demand, at most maxTraces', () => {
    const some = traced(10);
    const numbers = some.traces.map((t) => t.request);
    expect(numbers).toContain(3);
    const rest = numbers.filter((n) => n !== 3);
    expect(new Set(rest.map((n) => n % 10)).size).toBe(1);
    expect(some.traces.length).toBeGreaterThan(all.traces.length / 12);
    expect(some.traces.length).toBeLessThan(all.traces.length / 8);
    expect(traced(1, 50).traces.length).toBeLessThanOrEqual(50);
  });

  it("a tracer attached mid-run traces the requests asked for under their numbers from the run's first, as one there from the start; detached with traces open, the run goes on as a run without one", () => {
    const sim = new Simulation(busy);
    sim.runUntil(5000);
    const from = sim.clients.arrived;
    const late = sim.trace({ every: 0, ids: Array.from({ length: 300 }, (_, i) => from + 1 + i) });
    sim.runUntil(5600);
    late.detach();
    expect(sim.clients.tracer).toBeNull();
    sim.run();
    sim.drain();
    // Span ids count every span a tracer made: compare them by their order.
    const canonical = (t: Trace) => {
      const rank = new Map(t.spans.map((x) => x.id).sort((a, b) => a - b).map((id, i) => [id, i + 1]));
      return t.spans.map((x) => ({ ...x, id: rank.get(x.id), parent: rank.get(x.parent) ?? 0 }));
    };
    const byNumber = new Map(all.traces.map((t) => [t.request, t]));
    expect(late.done.length).toBeGreaterThan(100);
    for (const t of late.done) expect(canonical(t)).toEqual(canonical(byNumber.get(t.request)!));
    expect(late.done.some((t) => t.spans.some((x) => x.name === 'backoff'))).toBe(true);
    const plain = new Simulation(busy);
    plain.run();
    plain.drain();
    expect(JSON.stringify(buildReport(sim))).toBe(JSON.stringify(buildReport(plain)));
  });
});
