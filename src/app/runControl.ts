/** The run's controls: Play (and "Run again"), Pause, Step, Reset and the speed. */
import { lockedBase } from '../embed/lockGate';
import type { Speed } from '../worker/runner';
import type { FollowKind } from '../worker/follow';
import type { ControllerCore } from './controllerCore';

export async function play(c: ControllerCore): Promise<void> {
  await c.guarded(async () => {
    const fresh = !c.bridge.alive;
    await c.ensureWorker();
    if (fresh) {
      c.clearRun();
      c.showBase();
    }
    if (c.run.getState().status === 'done') await rerun(c);
    c.run.setState({ error: null });
    await c.bridge.call('play');
  });
}

export async function pause(c: ControllerCore): Promise<void> {
  await c.guarded(() => c.bridge.call('pause'));
}

/** Pauses, then advances to the end of the current simulated second. */
export async function step(c: ControllerCore): Promise<void> {
  await c.guarded(async () => {
    if (!c.bridge.alive) {
      await c.ensureWorker();
      c.clearRun();
    }
    await c.bridge.call('step');
  });
}

/** Back to time 0 with the loaded scenario: the changes made during the run are dropped. */
export async function reset(c: ControllerCore): Promise<void> {
  await c.guarded(async () => {
    const fresh = !c.bridge.alive;
    await c.ensureWorker();
    c.clearRun();
    // A host's set of a locked field made during the run was an intervention: it holds from time 0 now.
    const locked = lockedBase(c.base, c.guard);
    if (locked) {
      const r = await c.bridge.call('load', locked);
      if (r.ok) c.base = r.scenario;
    } else if (!fresh) await c.bridge.call('reset');
    c.showBase();
  });
}

/**
 * "Run again" (Play once a run is done): back to time 0 keeping the changes recorded during the
 * run, which replay at the times they were made, so the run repeats exactly. Reset drops them.
 */
async function rerun(c: ControllerCore): Promise<void> {
  const r = await c.bridge.call('rerun');
  c.clearRun();
  c.scenario.setState({ scenario: c.base, interventions: r.interventions, fieldProblems: {}, recorded: r.recorded });
  if (r.recorded > 0) {
    const changes = r.recorded === 1 ? 'the change' : `the ${r.recorded} changes`;
    c.run.setState({ notice: `Running again with ${changes} you made during the run, at the same simulated times. Reset drops them.` });
  }
}

export async function setSpeed(c: ControllerCore, speed: Speed): Promise<void> {
  c.run.setState({ speed });
  if (c.bridge.alive) await c.guarded(() => c.bridge.call('setSpeed', speed));
}

/** Which slowest request to follow: of second `second` (the last whole one by default); `orNext`: the next from now if that second is not kept. */
export interface SlowestAsk {
  second?: number;
  orNext?: boolean;
}

/**
 * "Follow a request": asks the worker to trace the next request (of `kind`); its trace comes with
 * an update. With `slowest`, the slowest of a second kept instead (followSlowest).
 */
export async function follow(c: ControllerCore, kind: FollowKind, slowest?: SlowestAsk): Promise<void> {
  if (slowest) await followSlowest(c, kind, slowest.second, slowest.orNext);
  else await followNext(c, kind, null);
}

async function followNext(c: ControllerCore, kind: FollowKind, note: string | null): Promise<void> {
  await c.guarded(async () => {
    await c.ensureWorker();
    c.run.setState({ following: kind, followed: null, followNote: note, replaying: false });
    const why = await c.bridge.call('follow', kind);
    if (why) c.run.setState({ following: null, notice: why, followNote: note ? `${note} ${why}` : why });
  });
}

const NOUN: Record<FollowKind, string> = { any: 'request', query: 'query', command: 'command' };
const NOUNS: Record<FollowKind, string> = { any: 'requests', query: 'queries', command: 'commands' };

/**
 * "Follow the slowest": the slowest request (of `kind`) answered in simulated second `second`
 * ([second, second + 1) s; by default the last whole second), kept by the worker for the last few
 * seconds. A chart's point asks for its own second (`orNext`): a second no longer kept (or with
 * none answered) cannot be followed after the fact, so the next request of that kind is followed
 * from now instead, and the note says so.
 */
async function followSlowest(c: ControllerCore, kind: FollowKind, second?: number, orNext = false): Promise<void> {
  await c.guarded(async () => {
    await c.ensureWorker();
    const a = await c.bridge.call('followSlowest', kind, second);
    const span = `from ${a.second} s to ${a.second + 1} s`;
    // Its trace comes with an update, once the worker has replayed the run up to its end.
    const note = a.ok ? `The slowest ${NOUN[a.answered.kind]} answered ${span}, of all the ${NOUNS[kind]} answered then.` : a.why;
    if (a.ok) c.run.setState({ following: null, followed: null, followNote: note, replaying: true });
    else if (orNext) await followNext(c, kind, `${a.why} Instead: the next ${NOUN[kind]} from now.`);
    else c.run.setState({ following: null, followed: null, followNote: note, replaying: false });
  });
}
