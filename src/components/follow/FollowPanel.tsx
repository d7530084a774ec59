import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { STAGE_FACTS } from 'virtual:part-declarations';
import type { Trace } from '../../../simulation/index';
import type { FollowKind } from '../../worker/follow';
import type { PageStatus } from '../../state/runStore';
import { useRunStore } from '../../state/runStore';
import * as ctl from '../../app/controller';
import { Help } from '../Help';
import { waterfallOf } from './waterfall';
import { pathOf } from './path';
import { requestWords, visibleWords, WaterfallView } from './WaterfallView';
import { WaterfallTable } from './WaterfallTable';
import './follow.css';

const WHICH: readonly (readonly [FollowKind, string])[] = [
  ['any', 'the next request'],
  ['query', 'the next query'],
  ['command', 'the next command'],
];

const HELP =
  "Follow a request: the engine keeps every span of the next request to arrive (or the next query or command) and shows them as a waterfall once it is done: each stage on a time axis from the request's start, the critical path solid. A command goes on past its reply: its write is appended, waits in its partition, is applied, and is copied to each replica. " +
  'Follow the slowest: for each of the last 10 simulated seconds the page notes which query and which command answered then took longest (a number and a latency, nothing more, so noting costs the run little). Asking for one replays the run in the background from its start, with the same seed and the changes you made at the same simulated times, keeping every span of that one request: the worst request of the last whole second can be opened after the fact, and its waterfall adds up to its latency. A command\'s waterfall runs on until its write is visible everywhere, even past the moment you asked. A point of the query or command latency chart (a click, or Enter on the chart at the point the arrow keys chose; the button under it for the point shown) opens the slowest of its second, or, for a second no longer kept, the next request from now.';

/** What the panel says while the worker replays the run to trace the slowest request. */
export const REPLAYING = 'Tracing it: the run is replayed from its start up to that request…';

/** "Follow a request": a button that asks the worker for the next request's trace, and its waterfall. */
export function FollowPanel() {
  const status = useRunStore((s) => s.status);
  const following = useRunStore((s) => s.following);
  const followed = useRunStore((s) => s.followed);
  const followNote = useRunStore((s) => s.followNote);
  const replaying = useRunStore((s) => s.replaying ?? false);
  // The topology marks the parts on the followed request's path while its waterfall is open.
  useEffect(() => useRunStore.setState({ followedPath: pathOf(followed) }), [followed]);
  return (
    <FollowView
      status={status}
      following={following}
      followed={followed}
      followNote={followNote}
      replaying={replaying}
      onFollow={(k) => void ctl.follow(k)}
      onSlowest={(k) => void ctl.follow(k, {})}
      onClose={() => useRunStore.setState({ followed: null, followNote: null })}
    />
  );
}

interface ViewProps {
  status: PageStatus;
  following: FollowKind | null;
  followed: Trace | null;
  /** How the followed request was chosen, or why none was. */
  followNote?: string | null;
  /** The worker is replaying the run to trace the request chosen (the slowest of a second). */
  replaying?: boolean;
  onFollow: (k: FollowKind) => void;
  onSlowest?: (k: FollowKind) => void;
  /** Closes the waterfall (the topology then stops marking its path). */
  onClose?: () => void;
}

/** The panel for the run's state: what is awaited, what came, and what Follow does. */
export function FollowView({ status, following, followed, followNote = null, replaying = false, onFollow, onSlowest, onClose }: ViewProps) {
  const [which, setWhich] = useState<FollowKind>('any');
  const [table, setTable] = useState(false);
  const selectId = useId();
  const tableId = useId();
  // What was asked from elsewhere (a chart's point, a lab) shows here: the panel comes into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (followed || followNote) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [followed, followNote]);
  const w = useMemo(() => (followed ? waterfallOf(followed, STAGE_FACTS) : null), [followed]);
  const waiting = following ? WHICH.find(([k]) => k === following)![1] : '';
  const waitingNote =
    status === 'done' ? `The run ended before ${waiting} was done.` : status === 'running' ? `Following ${waiting}…` : `Following ${waiting}: play or step the run to see it.`;
  const busy = replaying && !followed;
  const note = busy ? `${followNote ?? ''} ${REPLAYING}`.trim() : following === null ? (followNote ?? '') : followNote ? `${followNote} ${waitingNote}` : waitingNote;
  return (
    <section ref={ref} className="panel follow-panel" aria-labelledby="follow-title" aria-busy={busy}>
      <h2 id="follow-title">
        Follow a request <Help text={HELP} about="following a request" />
      </h2>
      <div className="follow-controls">
        <label htmlFor={selectId}>Which</label>
        <select id={selectId} value={which} onChange={(e) => setWhich(e.target.value as FollowKind)}>
          {WHICH.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={status === 'done'} onClick={() => onFollow(which)}>
          Follow a request
        </button>
        {onSlowest && (
          <button type="button" className="btn" disabled={status === 'starting'} onClick={() => onSlowest(which)}>
            Follow the slowest of the last second
          </button>
        )}
      </div>
      <p role="status" className="muted">
        {note}
      </p>
      {w && (
        <>
          <h3>{requestWords(w)}</h3>
          <WaterfallView w={w} />
          <p className="muted">The topology outlines the parts on its path until the waterfall closes.</p>
          {visibleWords(w) && <p className="wf-visible">{visibleWords(w)}</p>}
          <button type="button" className="btn" aria-expanded={table} aria-controls={tableId} onClick={() => setTable(!table)}>
            {table ? 'Hide the stages table' : 'Show the stages as a table'}
          </button>
          {onClose && (
            <button type="button" className="btn" onClick={onClose}>
              Close the waterfall
            </button>
          )}
          <div id={tableId} className={table ? 'wf-tables' : 'visually-hidden'}>
            <WaterfallTable w={w} />
          </div>
        </>
      )}
    </section>
  );
}
