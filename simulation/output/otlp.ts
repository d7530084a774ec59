/**
 * Traces as OpenTelemetry's OTLP/JSON (the protobuf JSON mapping of an
 * ExportTraceServiceRequest): `resourceSpans`, one per part of the model (its `service.name`, so
 * that a trace viewer colours the parts apart), each with one scope and its spans. Ids are hex
 * (a trace id of 16 bytes: the seed, then the request's number; a span id of 8 bytes: a count),
 * times are nanoseconds from the run's start as decimal strings (fixed64 in the mapping), enums are
 * numbers, and int attributes are strings, as the mapping says. The same traces give the same text.
 */
import type { Span, Trace } from './trace';

/** The parts, in the order their resources are listed. */
const PART_ORDER = ['clients', 'commandService', 'queryService', 'cache', 'readStore', 'writeStore', 'eventStream', 'projectors'];

const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_CLIENT = 3;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');

/** Simulated ms as integer nanoseconds, in decimal (equal ms give equal text: spans that meet still meet). */
export const nanos = (ms: number): string => String(Math.round(ms * 1e6));

type Value = { stringValue: string } | { intValue: string } | { doubleValue: number };
const str = (key: string, v: string) => ({ key, value: { stringValue: v } as Value });
const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } as Value });

function otlpSpan(trace: Trace, traceId: string, s: Span): object {
  const attributes = [str('lab.part', s.part), int('lab.request', trace.request)];
  if (s.instance >= 0) attributes.push(int('lab.instance', s.instance));
  if (s.attempt > 0) attributes.push(int('lab.attempt', s.attempt));
  attributes.push(str('lab.outcome', s.outcome));
  if (s.parent === 0) attributes.push({ key: 'lab.latencyMs', value: { doubleValue: s.endMs - s.startMs } });
  return {
    traceId,
    spanId: hex(s.id, 16),
    ...(s.parent !== 0 ? { parentSpanId: hex(s.parent, 16) } : {}),
    name: s.name,
    kind: s.parent === 0 ? SPAN_KIND_CLIENT : SPAN_KIND_INTERNAL,
    startTimeUnixNano: nanos(s.startMs),
    endTimeUnixNano: nanos(s.endMs),
    attributes,
    status: s.outcome === 'ok' ? { code: STATUS_OK } : { code: STATUS_ERROR, message: s.outcome },
  };
}

/** The OTLP/JSON document of `traces` from a run of `scenario` with `seed`. */
export function toOtlp(traces: readonly Trace[], scenario: string, seed: number, version = '1'): object {
  const byPart = new Map<string, object[]>(PART_ORDER.map((p) => [p, []]));
  for (const t of traces) {
    const traceId = hex(seed >>> 0, 16) + hex(t.request, 16);
    for (const s of t.spans) byPart.get(s.part)!.push(otlpSpan(t, traceId, s));
  }
  const resourceSpans = [...byPart]
    .filter(([, spans]) => spans.length > 0)
    .map(([part, spans]) => ({
      resource: { attributes: [str('service.name', part), str('lab.scenario', scenario), int('lab.seed', seed)] },
      scopeSpans: [{ scope: { name: 'cqrs-scaling-lab', version }, spans }],
    }));
  return { resourceSpans };
}
