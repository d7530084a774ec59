/** Event kinds on the calendar (small integers, dispatched by `Simulation`). */
export const ARRIVAL = 0;
export const SERVICE_DONE = 1;
export const STORE_DONE = 2;
export const CACHE_DONE = 3;
export const APPEND_DONE = 4;
export const APPLY_DONE = 5;
export const REPLICATE = 6;
/** A follow-up read or a retry, arriving after its delay. */
export const DELAYED_ARRIVAL = 7;
export const WINDOW = 8;
export const WARMUP = 9;
export const INTERVENTION = 10;
/** The client's timeout of one attempt (scheduled only when retries are on). */
export const TIMEOUT = 11;
/** Events of elasticity and faults, handled by `Elasticity`. */
export const BOOT_DONE = 12;
export const HEALTH_CHECK = 13;
export const AUTOSCALE = 14;
export const SCHEDULED_SCALE = 15;
export const FAULT = 16;
export const FAULT_END = 17;
export const STREAM_RESUME = 18;
export const GROUP_READY = 19;
