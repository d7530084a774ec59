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
  'Follow the slowest: the page keeps the slowest query and the slowest command answered in each of the last 10 simulated seconds (a command counts once its write is visible everywhere), so the worst request of the last whole second can be opened after the fact; its waterfall adds up to its latency. A point of the query or command latency chart (a click, or Enter on the chart at the point the arrow keys chose; the button under it for the point shown) opens the slowest of its second, or, for a second no longer kept, the next request from now.';

/** "Follow a request": a button that asks the worker for the next request's trace, and its waterfall. */
export function FollowPanel() {
  const status = useRunStore((s) => s.status);
  const following = useRunStore((s) => s.following);
  const followed = useRunStore((s) => s.followed);
  const followNote = useRunStore((s) => s.followNote);
  // The topology marks the parts on the followed request's path while its waterfall is open.
  useEffect(() => useRunStore.setState({ followedPath: pathOf(followed) }), [followed]);
  return (
    <FollowView
      status={status}
      following={following}
      followed={followed}
      followNote={followNote}
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
  onFollow: (k: FollowKind) => void;
  onSlowest?: (k: FollowKind) => void;
  /** Closes the waterfall (the topology then stops marking its path). */
  onClose?: () => void;
}

/** The panel for the run's state: what is awaited, what came, and what Follow does. */
export function FollowView({ status, following, followed, followNote = null, onFollow, onSlowest, onClose }: ViewProps) {
  const [which, setWhich] = useState<FollowKind>('any');
  const [table, setTable] = useState(false);
  const selectId = useId();
  // What was asked from elsewhere (a chart's point, a lab) shows here: the panel comes into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (followed || followNote) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [followed, followNote]);
  const w = useMemo(() => (followed ? waterfallOf(followed, STAGE_FACTS) : null), [followed]);
  const waiting = following ? WHICH.find(([k]) => k === following)![1] : '';
  const waitingNote =
    status === 'done' ? `The run ended before ${waiting} was done.` : status === 'running' ? `Following ${waiting}…` : `Following ${waiting}: play or step the run to see it.`;
  const note = following === null ? (followNote ?? '') : followNote ? `${followNote} ${waitingNote}` : waitingNote;
  return (
    <section ref={ref} className="panel follow-panel" aria-labelledby="follow-title">
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
          <button type="button" className="btn" aria-expanded={table} onClick={() => setTable(!table)}>
            {table ? 'Hide the stages table' : 'Show the stages as a table'}
          </button>
          {onClose && (
            <button type="button" className="btn" onClick={onClose}>
              Close the waterfall
            </button>
          )}
          <div className={table ? 'wf-tables' : 'visually-hidden'}>
            <WaterfallTable w={w} />
          </div>
        </>
      )}
    </section>
  );
}
