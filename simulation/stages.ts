/**
 * The stages a request's time (and a written change's way to visibility) is split into, declared
 * once each, by the part they belong to, and the summaries of the report each one is part of.
 * Zod-free plain data: the figure registry, the page and the engine read it.
 *
 * The parts on the `Part` contract declare their stages on the part (`Part.stages`, the
 * dead-letter queue's `applyRetry`); the parts not yet on the contract (the services, the cache,
 * the stores, the stream, the clients) declare theirs here, under their name, until they move
 * across. A stage's `slot` is where an attempt or an event keeps its time while in flight
 * (`model/stageSlots.ts`); the order of a summary's stages is the order of their slots, which is
 * the order a request meets them.
 *
 * How the time is kept, and what `stages`, `tailStages` and `tail` of a summary mean: see
 * docs/stages.md.
 */
import * as S from './model/stageSlots';
import { PARTS } from './parts';
import type { StageDecl, StagedSummary } from './parts/part';

export type { StageDecl, StagedSummary };

const CMD = ['commands.latencyMs', 'commands.clientLatencyMs'] as const;
const QRY = ['queries.latencyMs', 'queries.clientLatencyMs'] as const;
const CLIENT = ['commands.clientLatencyMs', 'queries.clientLatencyMs'] as const;
const LAGS = ['consistencyLagMs', 'replicaLagMs'] as const;

/** The stages of the parts not yet on the contract, by part. */
export const BUILT_IN_STAGES: Readonly<Record<string, readonly StageDecl[]>> = {
  service: [
    { id: 'queueWait', label: 'queue wait', help: "Waiting in the instance's queue for a free vCPU.", vector: 'request', slot: S.S_QUEUE_WAIT, in: [...CMD, ...QRY] },
    { id: 'service', label: 'service', help: 'On a vCPU of the service instance (its service time, slowed by contention or a slow instance).', vector: 'request', slot: S.S_SERVICE, in: [...CMD, ...QRY] },
  ],
  cache: [{ id: 'cache', label: 'cache', help: 'The cache lookup, hit or miss.', vector: 'request', slot: S.S_CACHE, in: QRY }],
  readStore: [
    { id: 'readConnWait', label: 'read connection wait', help: 'Waiting for a connection on the read-store node (a replica, or the primary).', vector: 'request', slot: S.S_READ_WAIT, in: QRY },
    { id: 'read', label: 'read', help: 'The query on the read store (its latency, times the unindexed factor for a full scan).', vector: 'request', slot: S.S_READ, in: QRY },
  ],
  writeStore: [
    { id: 'writeConnWait', label: 'write connection wait', help: "Waiting for a connection on the key's write-store shard.", vector: 'request', slot: S.S_WRITE_WAIT, in: CMD },
    { id: 'write', label: 'write', help: 'The write on the shard, up to its commit.', vector: 'request', slot: S.S_WRITE, in: CMD },
  ],
  eventStream: [
    { id: 'append', label: 'append', help: "From the commit to the event's append to its partition (its latency, after earlier appends of the partition); a command waits for it only with a synchronous append.", vector: 'request', slot: S.S_APPEND, in: CMD },
    { id: 'append', label: 'append', help: "From the commit to the event's append to its partition (its latency, after earlier appends of the partition).", vector: 'event', slot: S.V_APPEND, in: LAGS },
    { id: 'partitionWait', label: 'partition wait', help: 'Appended, waiting for its projector: behind earlier events, a rebalance, a cut stream or no projector.', vector: 'event', slot: S.V_PARTITION_WAIT, in: LAGS },
    { id: 'apply', label: 'apply', help: "The projector's apply to the read model's primary (the attempt that succeeded).", vector: 'event', slot: S.V_APPLY, in: LAGS },
  ],
  replicas: [
    { id: 'replicaCopy', label: 'replica copy', help: 'From the primary to the last read replica (the replication delay, in order).', vector: 'event', slot: S.V_REPLICA_COPY, in: ['replicaLagMs'] },
  ],
  clients: [
    { id: 'failedAttempts', label: 'failed attempts', help: 'Earlier attempts of the same request that failed, were rejected or timed out.', vector: 'request', slot: S.S_FAILED, in: CLIENT },
    { id: 'backoff', label: 'retry back-off', help: 'Waiting between a failed attempt and its retry.', vector: 'request', slot: S.S_BACKOFF, in: CLIENT },
  ],
};

/** Every stage: the built-in parts', then those of the parts on the contract, in the list's order. */
export const STAGES: readonly StageDecl[] = [...Object.values(BUILT_IN_STAGES).flat(), ...PARTS.flatMap((p) => p.stages ?? [])];

/** A summary's stages: ids and slots, in slot order. */
export interface StagePath {
  readonly ids: readonly string[];
  readonly slots: readonly number[];
}

function pathOf(summary: StagedSummary): StagePath {
  const list = STAGES.filter((s) => s.in.includes(summary)).sort((a, b) => a.slot - b.slot);
  return { ids: list.map((s) => s.id), slots: list.map((s) => s.slot) };
}

/** Every staged summary's stages, by the summary's id in the report. */
export const STAGE_PATHS: Readonly<Record<StagedSummary, StagePath>> = {
  'commands.latencyMs': pathOf('commands.latencyMs'),
  'commands.clientLatencyMs': pathOf('commands.clientLatencyMs'),
  'queries.latencyMs': pathOf('queries.latencyMs'),
  'queries.clientLatencyMs': pathOf('queries.clientLatencyMs'),
  consistencyLagMs: pathOf('consistencyLagMs'),
  replicaLagMs: pathOf('replicaLagMs'),
};
