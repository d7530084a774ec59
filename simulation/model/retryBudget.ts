/**
 * Client retries: the retry budget, a token bucket that each first attempt fills by its share
 * (at most 100 tokens) and each retry empties by one, and the exponential backoff with jitter
 * before a retry goes out.
 */
import { pow2 } from '../engine/detMath';

/** The bucket holds at most this many tokens. */
const TOKEN_CAP = 100;

export class RetryBudget {
  /** Tokens added per first attempt (Infinity: no budget), and the tokens in the bucket. */
  private perAttempt = Infinity;
  private tokens = 0;

  /** Sets the tokens per first attempt (`undefined`: no budget); the bucket keeps its tokens. */
  configure(budget: number | undefined): void {
    this.perAttempt = budget ?? Infinity;
  }

  /** A first attempt went out: its share of a token goes in the bucket. */
  earn(): void {
    this.tokens = Math.min(TOKEN_CAP, this.tokens + this.perAttempt);
  }

  /** Whether a retry may go out: it takes a whole token, if the bucket holds one. */
  take(): boolean {
    if (this.perAttempt === Infinity) return true;
    if (this.tokens < 1) return false;
    this.tokens--;
    return true;
  }
}

/**
 * The wait before the retry of attempt number `attempt` (1 for the first), ms: the backoff
 * doubles with each attempt, less up to `jitter` of it drawn from `u` (a uniform in [0, 1)).
 */
export function backoffMs(backoff: number, jitter: number, attempt: number, u: number): number {
  return backoff * pow2(attempt - 1) * (1 - jitter * u);
}
