/**
 * The engine core, the size of SimPy's: one calendar, a clock, and handlers registered per event
 * kind by the part of the model that owns them. It knows no part by name and no wall clock; a
 * host advances it in slices (`runUntil`) and may `drain` it. Both go through one loop.
 *
 * Every `LIMIT_CHECK_EVERY` events the loop asks `overLimit` (the model's bound on the work in
 * flight) and, every `INTERRUPT_EVERY` events, the host's `interrupt` (a wall-clock budget): a
 * sentence from either stops the run at once, with the reason kept in `stopped`.
 */
import { EventQueue } from './eventQueue';
import { INTERRUPT_EVERY, LIMIT_CHECK_EVERY, type RunStop } from '../limits';

/** What happens when an event of one kind comes due: two int32 arguments, as scheduled. */
export type Handler = (arg: number, arg2: number) => void;

export class Engine {
  /** Current simulated time, ms. */
  nowMs = 0;
  /** Events processed so far. */
  events = 0;
  /** Set when the run stopped before its end (a run limit, or the host's interrupt). */
  stopped: RunStop | null = null;
  /** Asked every `INTERRUPT_EVERY` events by a host that bounds a run's wall time: a sentence stops it. */
  interrupt: (() => string | null) | null = null;
  /** The model's run limits: a sentence when too much is in flight, else null. */
  overLimit: () => string | null = () => null;

  /**
   * The calendar. Parts push on it directly (`calendar.push(tMs, kind, arg, arg2)`, the hottest
   * call of all); `schedule` is the same for those that do not keep it.
   */
  readonly calendar = new EventQueue();
  private readonly q = this.calendar;
  private readonly handlers: Handler[] = [];
  /** By kind: the object a handler is called on (a part's own method), or undefined (a closure). */
  private readonly owners: unknown[] = [];
  /** Event kinds by name, for messages and tests. */
  readonly kindNames: string[] = [];
  private limitCountdown = LIMIT_CHECK_EVERY;
  /** While the loop runs: events it may still process, and whether a step may run at once. */
  private budget = 0;
  private atOnceOk = false;
  private interruptCountdown = INTERRUPT_EVERY / LIMIT_CHECK_EVERY;

  /**
   * Registers the handler of a new event kind (named `part.event`); returns the kind to schedule.
   * A part registers its own method with itself as `owner` (`on('x.done', this.onDone, this)`):
   * the loop then calls the method directly, where a closure around it would cost every event a
   * second call (3% of the instructions per M/M/1 customer).
   */
  on<T>(name: string, handler: (this: T, arg: number, arg2: number) => void, owner?: T): number {
    const kind = this.handlers.length;
    if (kind >= 256) throw new Error(`too many event kinds (registering ${name})`);
    this.handlers.push(handler as Handler);
    this.owners.push(owner);
    this.kindNames.push(name);
    return kind;
  }

  /** Schedules an event of `kind` at `tMs`; same-time events run in the order they were scheduled. */
  schedule(tMs: number, kind: number, arg: number, arg2 = 0): void {
    this.q.push(tMs, kind, arg, arg2);
  }

  /** Events pending on the calendar. */
  get pending(): number {
    return this.q.size;
  }

  /** Stops the run now: nothing more happens, and `stopped` says when and why. */
  halt(reason: string): void {
    this.stopped ??= { atS: this.nowMs / 1000, reason };
  }

  /** Checks the run limits (and the host's interrupt); true when the run must stop. */
  private checkLimits(): boolean {
    const reason = this.overLimit();
    if (reason !== null) this.halt(reason);
    else if (this.interrupt !== null && --this.interruptCountdown === 0) {
      this.interruptCountdown = INTERRUPT_EVERY / LIMIT_CHECK_EVERY;
      const why = this.interrupt();
      if (why !== null) this.halt(why);
    }
    return this.stopped !== null;
  }

  /**
   * The one loop: processes events due by `endMs`, at most `budget` of them, until `quiet` (if
   * given) says there is nothing left to wait for, or the run stops.
   */
  private advance(endMs: number, budget: number, quiet: (() => boolean) | null): void {
    const q = this.q;
    const handlers = this.handlers;
    const owners = this.owners;
    this.budget = budget;
    this.atOnceOk = quiet === null;
    while (this.budget > 0) {
      // peekTime() is Infinity when the calendar is empty, so one comparison covers both ends.
      const t = q.peekTime();
      if (t > endMs || (quiet !== null && quiet())) break;
      const slot = q.take();
      this.nowMs = t;
      this.events++;
      this.budget--;
      // The arguments are read before the handler runs (its pushes may reuse the slot).
      const k = q.kinds[slot];
      handlers[k].call(owners[k], q.args[slot], q.args2[slot]);
      if (--this.limitCountdown === 0) {
        this.limitCountdown = LIMIT_CHECK_EVERY;
        if (this.checkLimits()) break;
      }
    }
    this.atOnceOk = false;
  }

  /**
   * For an event due now, from the very end of an event's handler (nothing may follow in that
   * handler), when its handler is known to the caller. When no other event is due now it would be
   * the next one processed: then this counts it as processed and returns true, and the caller
   * calls its handler itself, at once, a direct call (a read with no latency costs a call rather
   * than a trip through the calendar and a dispatch through the handler table). Otherwise false,
   * and the caller schedules it now. The order of events, the event count, the limit checks and
   * `runUntil`'s budget are as if it had been scheduled.
   */
  runsNow(): boolean {
    if (!(this.atOnceOk && this.budget > 0 && this.limitCountdown > 1 && this.q.peekTime() > this.nowMs)) return false;
    this.events++;
    this.budget--;
    this.limitCountdown--;
    return true;
  }

  /**
   * Processes events up to simulated time `tMs` or until `maxEvents` have been processed,
   * whichever comes first. Returns true when `tMs` was reached (or the run has stopped).
   */
  runUntil(tMs: number, maxEvents = Infinity): boolean {
    if (this.stopped !== null) return true;
    this.advance(tMs, maxEvents, null);
    if (this.stopped !== null) return true;
    if (this.q.peekTime() > tMs) {
      if (tMs > this.nowMs) this.nowMs = tMs;
      return true;
    }
    return false;
  }

  /** Runs on (past any end) until `quiet()`, for at most `maxMs` more simulated ms. */
  drain(maxMs: number, quiet: () => boolean): void {
    if (this.stopped !== null) return;
    this.advance(this.nowMs + maxMs, Infinity, quiet);
  }
}
