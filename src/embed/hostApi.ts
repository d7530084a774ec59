/**
 * The host API in the frame: listens to the parent page, obeys and answers only allowed origins,
 * and tells the host of progress, the finish and the frame's height. Loaded only inside a frame.
 * Messages from any other origin or window are dropped unread: they change nothing and get nothing.
 */
import * as ctl from '../app/controller';
import type { Report } from '../../simulation/index';
import { useRunStore } from '../state/runStore';
import { useScenarioStore } from '../state/scenarioStore';
import { clearExample, useExampleStore } from '../examples/exampleStore';
import { FIELDS, getField } from '../../simulation/fields';
import { useLabStore } from '../labs/labStore';
import { commandQueue } from './commandQueue';
import { allowedOrigins, COMMANDS, EVENTS, parseCommand, PROTOCOL, PROTOCOL_VERSION, type Command } from './protocol';

const PROGRESS_EVERY_MS = 250;

/** Key figures of a report for a host: what a course page grades or shows. */
export function keyFigures(r: Report) {
  return {
    simulatedS: r.simulatedS,
    commandsThroughputRps: r.commands.throughputRps,
    queriesThroughputRps: r.queries.throughputRps,
    commandsP99Ms: r.commands.latencyMs.p99,
    queriesP99Ms: r.queries.latencyMs.p99,
    cacheHitRatio: r.queries.cacheHitRatio,
    staleReadRatio: r.queries.staleReadRatio,
    consistencyLagP99Ms: r.consistencyLagMs.p99,
  };
}

/** Messages the frame received before the host API started (main.tsx keeps them), and how to stop keeping them. */
export interface EarlyMessages {
  messages: readonly MessageEvent[];
  stop(): void;
}

/**
 * Starts listening. `booted` resolves once the address's own lab, example or link has loaded (and
 * autoplay, if asked, has started): only then is `ready` sent, and commands that came before it
 * (`early`: those that arrived while this module and the allow-list loaded, too) wait for it, so
 * nothing the page does on its own overwrites what the host asked. Commands run one at a time, in
 * the order sent.
 */
export async function start(booted: Promise<void> = Promise.resolve(), early: EarlyMessages = { messages: [], stop: () => {} }): Promise<void> {
  const file = await fetch(new URL('embed-origins.json', document.baseURI), { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  const allowed = allowedOrigins(location.origin, import.meta.env.VITE_EMBED_ORIGINS as string | undefined, file);
  // Chromium and Safari name the parent's origin; elsewhere the ready message goes to each allowed origin (postMessage drops the rest).
  const ancestor = location.ancestorOrigins?.[0];
  let host: string | null = ancestor && allowed.has(ancestor) ? ancestor : null;
  const targets = () => (host ? [host] : ancestor ? [] : [...allowed]);
  const post = (name: string, body: object, to = targets()) => {
    for (const origin of to) window.parent.postMessage({ type: `${PROTOCOL}:${name}`, version: PROTOCOL_VERSION, ...body }, origin);
  };

  const queue = commandQueue(booted);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== window.parent || !allowed.has(e.origin)) return;
    host = e.origin;
    const p = parseCommand(e.data);
    if (!p.ok) return post('error', { id: p.id, message: p.message }, [e.origin]);
    const { command } = p;
    void queue.add(
      async () => post('reply', { id: command.id, command: command.name, result: await run(command) }, [e.origin]),
      (err) => post('error', { id: command.id, command: command.name, message: err instanceof Error ? err.message : String(err) }, [e.origin]),
    );
  };
  // In one task: from now on this listener hears every message, and the ones kept before it are handled first, in order.
  window.addEventListener('message', onMessage);
  early.stop();
  for (const e of early.messages) onMessage(e);
  // Tests (and a curious host's developer) can see that the frame listens: messages from now on are handled or dropped.
  document.documentElement.dataset.hostApi = 'listening';

  let lastProgress = 0;
  useRunStore.subscribe((s, was) => {
    const now = performance.now();
    if (s.status !== was.status || (s.snapshot !== was.snapshot && now - lastProgress >= PROGRESS_EVERY_MS)) {
      lastProgress = now;
      post('progress', { status: s.status, tS: (s.snapshot?.tMs ?? 0) / 1000 });
    }
    if (s.status === 'done' && was.status !== 'done' && s.report) post('finished', { figures: keyFigures(s.report) });
    if (s.status !== was.status) sendHeight(); // a report or a chart may have changed the content's height
  });

  // A run of the open lab was checked (src/labs/labActions.ts): the host gets the result and its score.
  window.addEventListener('cqrs-lab:lab-result', (e) => post('labResult', (e as CustomEvent<object>).detail));

  // "Share link" in the frame: the host gets the link (the frame's own address is not the student's).
  window.addEventListener('cqrs-lab:link', (e) => {
    const url = (e as CustomEvent<unknown>).detail;
    if (typeof url === 'string') post('link', { url });
  });

  let lastHeight = -1;
  // The content's height: in embed mode the page does not scroll but its panels' column may.
  const sendHeight = () => {
    const layout = document.querySelector('.layout');
    const px = Math.ceil(document.documentElement.scrollHeight + (layout ? layout.scrollHeight - layout.clientHeight : 0));
    if (px !== lastHeight) post('height', { px: (lastHeight = px) });
  };
  new ResizeObserver(sendHeight).observe(document.body);
  await booted;
  post('ready', { supports: { commands: COMMANDS, events: EVENTS } });
  sendHeight();
}

/** The fields a host may set, a group of fields (`queryService.autoscaling`) aside: its fields are listed one by one. */
const SETTABLE = FIELDS.filter((f) => f.kind !== 'group').map((f) => f.path);

/**
 * The frame's state as a host sees it: the run, the scenario's name, the open lab and example,
 * the locked fields, and the value of every field a host may `set` (groups aside, or of those
 * asked for; null where the scenario has none).
 */
export function frameState(paths: readonly string[] = SETTABLE) {
  const s = useRunStore.getState();
  const sc = useScenarioStore.getState();
  return {
    status: s.status,
    tS: (s.snapshot?.tMs ?? 0) / 1000,
    scenario: sc.scenario.name,
    interventions: sc.interventions.length,
    lab: useLabStore.getState().id,
    example: useExampleStore.getState().current?.id ?? null,
    locked: [...ctl.lockedFields()],
    fields: Object.fromEntries(paths.map((p) => [p, getField(sc.scenario, p) ?? null])),
  };
}

async function run(c: Command): Promise<unknown> {
  const host = { host: true };
  switch (c.name) {
    case 'load': {
      if (await ctl.loadText(JSON.stringify(c.scenario), 'the host page\u2019s scenario', host)) {
        clearExample();
        return { name: useScenarioStore.getState().scenario.name, state: frameState() };
      }
      const problems = useScenarioStore.getState().fileProblems;
      throw new Error(problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ') || 'The scenario was not loaded.');
    }
    case 'loadLab': {
      const def = await (await import('../labs/labActions')).openLab(c.lab, { load: true, host: true });
      if (!def) throw new Error(`Lab ${c.lab} could not be loaded.`);
      return { lab: def.id, title: def.title, scenario: def.scenario.name, state: frameState() };
    }
    case 'set': {
      if (await ctl.change(c.path, c.value, host)) return { path: c.path, value: c.value, state: frameState() };
      throw new Error(useScenarioStore.getState().fieldProblems[c.path] ?? `${c.path} was not changed.`);
    }
    case 'loadExample': {
      const r = await (await import('../examples/exampleActions')).loadExample(c.example, host);
      if (r.ok) return { example: r.id, title: r.title, state: frameState() };
      throw new Error(r.message);
    }
    case 'play':
      await ctl.play();
      break;
    case 'pause':
      await ctl.pause();
      break;
    case 'reset':
      await ctl.reset();
      break;
    case 'getReport':
      return useRunStore.getState().report;
    case 'getFigures': {
      const r = useRunStore.getState().report;
      return r ? keyFigures(r) : null;
    }
    case 'getState':
      return frameState(c.fields);
  }
  const s = useRunStore.getState();
  return { status: s.status, tS: (s.snapshot?.tMs ?? 0) / 1000, state: frameState() };
}
