/**
 * Where a request's or an event's time is kept while it is in flight: one slot per stage, in a
 * vector of its own (`RequestPool.stageMs`, `EventStream.stageMs`). The numbers are the slots'
 * places in those vectors, in the order a request meets them; what each stage is, which part owns
 * it and which summaries it is part of is declared in `simulation/stages.ts`.
 *
 * A request is always in exactly one stage (its "open" stage); entering the next one closes the
 * open one, adding the time since it was entered. So the stages of one attempt tile its life from
 * the moment it was sent, without gaps or overlaps.
 */

/** An attempt's stages (a query or a command), then the client's own two (earlier attempts). */
export const S_QUEUE_WAIT = 0;
export const S_SERVICE = 1;
export const S_CACHE = 2;
export const S_READ_WAIT = 3;
export const S_READ = 4;
export const S_WRITE_WAIT = 5;
export const S_WRITE = 6;
export const S_APPEND = 7;
/** Time in earlier attempts of the same client request that failed, were rejected or timed out. */
export const S_FAILED = 8;
/** Time between an attempt's end and its retry's start (the back-off). */
export const S_BACKOFF = 9;
/**
 * Not a stage: where a sample's value is put for `StageSums.record` (a double handed to a call V8
 * does not inline is boxed, one allocation a call; a slot of a typed array is not).
 */
export const S_VALUE = 10;
/** Not a stage: what the client waited, for the client's sums (see `S_VALUE`). */
export const S_CLIENT_VALUE = 11;
/** Slots per request. */
export const REQUEST_SLOTS = 12;

/** A written change's way to visibility: appended, waiting in its partition, applied, copied. */
export const V_APPEND = 0;
export const V_PARTITION_WAIT = 1;
export const V_APPLY = 2;
export const V_APPLY_RETRY = 3;
export const V_REPLICA_COPY = 4;
/** Not a stage: the sample's value for `StageSums.record` (see `S_VALUE`). */
export const V_VALUE = 5;
/** Slots per event. */
export const EVENT_SLOTS = 6;
