/**
 * Labels and help for the figures of one window of the time series (the last second), as the
 * figures panel shows them. The report's figures have theirs in `simulation/figures.ts`.
 */
export interface WindowFigure {
  label: string;
  help: string;
}

export const WINDOW_FIGURES: Record<string, WindowFigure> = {
  offered: { label: 'Attempts offered per second', help: 'Attempts the clients sent in the last second, retries included: the load put on this side.' },
  completed: { label: 'Completed per second', help: 'Throughput: attempts answered in time in the last second.' },
  rejected: { label: 'Rejected per second', help: 'Attempts turned away at once in the last second: a full queue or no memory left on the instance.' },
  timedOut: { label: 'Timed out per second', help: 'Attempts the client stopped waiting for in the last second: the response time passed its timeout.' },
  failed: { label: 'Failed per second', help: 'Attempts that failed in the last second: a crashed instance, a shard down, an injected error, no instance.' },
  p50: { label: 'p50 latency (median)', help: 'Median response time of the attempts answered in the last second: half were faster. Failed and timed-out attempts are not in it: read it beside their counts.' },
  p95: { label: 'p95 latency', help: '95th percentile response time in the last second: 1 answer in 20 was slower.' },
  p99: { label: 'p99 latency', help: '99th percentile response time in the last second: 1 answer in 100 was slower. The tail users notice.' },
  consistencyLagP99Ms: { label: 'Consistency lag p99', help: "99th percentile of the time from a command's commit to its change being visible in the query model's primary, over the last second." },
  streamLagMs: { label: 'Stream lag (age)', help: 'Age of the oldest event in the event stream that no projector has applied yet: how far the query model is behind.' },
  streamLagEvents: { label: 'Stream lag (events)', help: 'Events in the event stream not yet applied by the projectors.' },
  cacheHitRatio: { label: 'Cache hit ratio', help: 'Share of queries in the last second the cache answered without a read of the read store.' },
  staleReadRatio: { label: 'Stale-read ratio', help: 'Share of queries in the last second answered with an older version than the command model had committed (eventual consistency at work).' },
};
