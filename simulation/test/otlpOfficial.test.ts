/**
 * The trace file against OpenTelemetry's own serializer: every span of our OTLP/JSON document is
 * turned back into the SDK's ReadableSpan (its ids, parent, name, kind, times, attributes, status,
 * resource and scope) and written again by `JsonTraceSerializer` of @opentelemetry/otlp-transformer,
 * the code the OpenTelemetry JavaScript SDK exports traces with. Our document must be what the SDK
 * writes for the same spans, field for field, apart from the empty defaults the SDK spells out
 * (no events, no links, nothing dropped, trace flags). trace.test.ts checks the spans' meaning.
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { Simulation, toOtlp } from '../index';
import { scenario } from './helpers';

type Json = Record<string, any>;
type Attr = { key: string; value: Json };

/** An OTLP AnyValue back as the JavaScript value the SDK holds (int64 travels as a decimal string). */
const valueOf = (v: Json): string | number => ('stringValue' in v ? v.stringValue : Number(v.intValue ?? v.doubleValue));
const attrsOf = (list: Attr[]) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));
/** Decimal nanoseconds as the SDK's HrTime, [seconds, nanoseconds]. */
const hrTime = (ns: string): [number, number] => [Number(BigInt(ns) / 1_000_000_000n), Number(BigInt(ns) % 1_000_000_000n)];

/** The SDK's span for one span of our document (OTLP's kind is the SDK's SpanKind + 1). */
function readable(s: Json, resource: ReadableSpan['resource'], scope: Json): ReadableSpan {
  return {
    name: s.name,
    kind: s.kind - 1,
    spanContext: () => ({ traceId: s.traceId, spanId: s.spanId, traceFlags: 0 }),
    parentSpanContext: s.parentSpanId ? { traceId: s.traceId, spanId: s.parentSpanId, traceFlags: 0 } : undefined,
    startTime: hrTime(s.startTimeUnixNano),
    endTime: hrTime(s.endTimeUnixNano),
    duration: [0, 0],
    status: s.status,
    attributes: attrsOf(s.attributes),
    links: [],
    events: [],
    ended: true,
    resource,
    instrumentationScope: scope,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  } as unknown as ReadableSpan;
}

/** One resource of the SDK's (spans are grouped by the resource object they share). */
function resourceOf(list: Attr[]): ReadableSpan['resource'] {
  const attributes = attrsOf(list);
  return { attributes, asyncAttributesPending: false, getRawAttributes: () => Object.entries(attributes) } as unknown as ReadableSpan['resource'];
}

/** The SDK's spelled-out empty defaults taken away, numbers of AnyValues read as numbers. */
function normal(doc: Json): Json {
  return JSON.parse(JSON.stringify(doc), (key, value) => {
    if (['droppedAttributesCount', 'droppedEventsCount', 'droppedLinksCount', 'flags'].includes(key) && (value === 0 || typeof value === 'number')) return undefined;
    if ((key === 'events' || key === 'links') && Array.isArray(value) && value.length === 0) return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value) && ('intValue' in value || 'doubleValue' in value)) return { number: Number(value.intValue ?? value.doubleValue) };
    return value;
  });
}

const busy = scenario({
  durationS: 6,
  warmupS: 1,
  seed: 9,
  workload: { rps: 200, writeRatio: 0.3, timeoutMs: 60, retries: { max: 2, backoffMs: 10, jitter: 0.5 } },
  queryService: { instances: 2, vcpus: 1, serviceTimeMs: { type: 'exponential', meanMs: 5 } },
  readStore: { replicas: 2 },
});

describe('OTLP/JSON against OpenTelemetry’s serializer', () => {
  const sim = new Simulation(busy);
  const tracer = sim.trace({ every: 7 });
  sim.run();
  sim.drain();
  const ours = JSON.parse(JSON.stringify(toOtlp(tracer.done, busy.name, busy.seed))) as Json;

  it('each part’s spans, written by JsonTraceSerializer, are our document', () => {
    expect(ours.resourceSpans.length).toBeGreaterThanOrEqual(4);
    let spans = 0;
    for (const rs of ours.resourceSpans) {
      const scope = rs.scopeSpans[0].scope;
      const resource = resourceOf(rs.resource.attributes);
      const list = rs.scopeSpans[0].spans.map((s: Json) => readable(s, resource, scope));
      spans += list.length;
      const sdk = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(list))) as Json;
      expect(normal(sdk)).toEqual(normal({ resourceSpans: [rs] }));
    }
    expect(spans).toBeGreaterThan(100);
  });

  it('the comparison can fail: a span whose end we wrote wrong is not what the SDK writes', () => {
    const rs = structuredClone(ours.resourceSpans[0]);
    const resource = resourceOf(rs.resource.attributes);
    const list = rs.scopeSpans[0].spans.map((s: Json) => readable(s, resource, rs.scopeSpans[0].scope));
    rs.scopeSpans[0].spans[0].endTimeUnixNano = String(BigInt(rs.scopeSpans[0].spans[0].endTimeUnixNano) + 1n);
    const sdk = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(list))) as Json;
    expect(normal(sdk)).not.toEqual(normal({ resourceSpans: [rs] }));
  });
});
