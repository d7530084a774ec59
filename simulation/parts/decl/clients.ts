/** The clients (the workload): how many requests they send and how, their timeouts and retries, and what they saw. */
import { MAX_DELAY_MS, MAX_TIME_S } from '../../input/bounds';
import type { FieldSpec } from '../../input/fieldSpec';
import { shareOf, summary, type BuiltinDecl, type BuiltinDerived, type FigureRow } from './declaration';
import type { BuiltinChart, BuiltinView } from './page';

const WORKLOAD = [
  ['rps', 'number', '', ['rps', 0, 1_000_000], 'Requests the clients send per second, commands and queries together. Setting it replaces a rate profile.'],
  ['profile', 'list', 'optional', null, 'The request rate over time: from each point\'s time (atS) the rate moves to its rps, in a straight ramp over rampS seconds, and holds it from atS + rampS until the next point. Presets: ramp, spike (a flash sale), sine (a daily cycle), steps.'],
  ['arrivals', 'choice', '', null, 'How requests arrive: poisson (independent, random gaps, as from many users) or deterministic (evenly spaced).', ['poisson', 'deterministic']],
  ['writeRatio', 'number', '', ['ratio', 0, 1], 'Share of requests that are commands (writes to the command model); the rest are queries (reads from the query model).'],
  ['keys', 'group', '', null, 'The keys (user, account or order ids) the requests are about.'],
  ['keys.count', 'integer', 'fixed', ['keys', 1, 2_000_000], 'How many different keys there are.'],
  ['keys.distribution', 'choice', '', null, 'How often each key is used: uniform (all alike) or zipf (a few hot keys get most requests, as popular products do).', ['uniform', 'zipf']],
  ['keys.zipfS', 'number', '', ['', '>0', 10], 'How skewed the Zipf keys are: near 0 is even, 1 is typical, larger makes the hot keys hotter.'],
  ['followUpReads', 'group', '', null, 'Follow-up reads: a client reads back the key it has just written, to check read-your-writes.'],
  ['followUpReads.ratio', 'number', '', ['ratio', 0, 1], 'Share of commands the client follows with a read of the same key.'],
  ['followUpReads.afterMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'How long after the command\'s answer the client reads the key back. Shorter than the replica lag, and it often sees old data.'],
  ['timeoutMs', 'number', '', ['ms', '>0', MAX_TIME_S * 1000], 'How long a client waits for an answer before it gives up on the attempt (and retries, if retries are on).'],
  ['retries', 'group', '', null, 'Client retries of failed or timed-out attempts, each after a growing pause (exponential backoff).'],
  ['retries.max', 'integer', '', ['retries', 0, 100], 'Most retries of one request (0: none). Retries add load just when the system is struggling: a retry storm.'],
  ['retries.backoffMs', 'number', '', ['ms', 0, MAX_DELAY_MS], 'Backoff: the pause before the first retry; it doubles for each next one.'],
  ['retries.jitter', 'number', '', ['ratio', 0, 1], 'Jitter: a random share taken off each backoff, so clients do not all retry at the same moment (0 none, 1 full).'],
  ['retries.budget', 'number', 'optional', ['tokens', 0, 10], 'Retry budget: each new request earns this many tokens and each retry spends one (up to 100 saved), which caps retries to a share of traffic.'],
  [
    'retries.keepServiceTime',
    'boolean',
    '',
    null,
    'Off (the default): a retry is a fresh attempt that draws its own service time, so a request that was only unlucky usually succeeds the second time. On: a retry needs exactly the work its first attempt needed, as for an inherently slow request (a huge report, a hot account); then a retry that timed out once times out again, and retrying only adds load.',
  ],
] as const satisfies readonly FieldSpec[];

const requestClass = (c: 'commands' | 'queries'): FigureRow[] => [
  [`${c}.offered`, 'attempts', `Attempts of ${c} sent by the clients after warm-up, retries included.`],
  [`${c}.completed`, 'attempts', 'Attempts answered before the client gave up on them.'],
  [`${c}.rejected`, 'attempts', 'Attempts turned away at once: the chosen instance\'s queue was full or its memory was used up. A sign the side needs more capacity.'],
  [`${c}.timedOut`, 'attempts', 'Attempts the client stopped waiting for at its timeout: the response time grew too long.'],
  [`${c}.failed`, 'attempts', 'Attempts that failed for another reason: a crashed instance, a shard down, an injected error (see the failures for causes).'],
  [`${c}.inFlight`, 'attempts', 'Attempts still queued or being served when the run ended.'],
  [`${c}.throughputRps`, 'rps', 'Throughput: attempts answered per second, after warm-up.'],
  [`${c}.meanInSystem`, 'requests', "Mean number of attempts inside the service at once, queued or served (Little's law: throughput times response time)."],
  ...summary(`${c}.latencyMs`, 'ms', 'response time of one attempt (queueing included; answered attempts only, and a retried request counts only its last try)'),
  ...summary(
    `${c}.clientLatencyMs`,
    'ms',
    'time the client waited for a request that succeeded, from its first attempt to the answer (timeouts, backoffs and failed attempts before it included)',
  ),
  ...summary(`${c}.gaveUpAfterMs`, 'ms', 'time the client waited before giving up on a request (attempts and budget spent)'),
  [`${c}.retries`, 'attempts', 'How many of the offered attempts were retries of an earlier one that failed or timed out.'],
  [`${c}.requests.started`, 'requests', 'Requests the clients started (first attempts only).'],
  [`${c}.requests.succeeded`, 'requests', 'Requests that got an answer in time, whether at the first attempt or after retries.'],
  [`${c}.requests.gaveUp`, 'requests', 'Requests the clients gave up on: every retry was spent, or the retry budget ran dry.'],
  [`${c}.requests.inProgress`, 'requests', 'Requests still waiting for an answer (or a retry) when the run ended.'],
];

const windowClass = (c: 'commands' | 'queries'): FigureRow[] => [
  [`${c}.offered`, 'attempts/s', `Attempts of ${c} sent in the window, retries included.`],
  [`${c}.retries`, 'attempts/s', 'Of the attempts offered in the window, how many were retries of earlier ones.'],
  [`${c}.completed`, 'attempts/s', 'Attempts answered in time in the window.'],
  [`${c}.rejected`, 'attempts/s', 'Attempts rejected at once (a full queue or no memory) in the window.'],
  [`${c}.timedOut`, 'attempts/s', 'Attempts the client gave up on at its timeout in the window.'],
  [`${c}.failed`, 'attempts/s', 'Attempts that failed in the window (by cause in errors).'],
  [`${c}.p50`, 'ms', 'Median latency per attempt, of the attempts answered in time in the window (failures are not in it: see the shares).'],
  [`${c}.p95`, 'ms', '95th percentile of latency per attempt in the window.'],
  [`${c}.p99`, 'ms', '99th percentile of latency per attempt in the window.'],
  [`${c}.clientP50`, 'ms', 'Median time clients waited for requests that succeeded in the window, from the first attempt (retries and backoffs included).'],
  [`${c}.clientP95`, 'ms', '95th percentile of what clients waited, requests that succeeded in the window.'],
  [`${c}.clientP99`, 'ms', '99th percentile of what clients waited, requests that succeeded in the window.'],
];

/** A class's attempts per second: offered (retries among them), answered and lost. */
const throughput = (c: 'commands' | 'queries', at: number, title: string, help: string): BuiltinChart => ({
  at,
  title,
  help,
  unit: 'requests / s',
  minTop: 10,
  lines: [
    [`${c}.offered`, 'offered', 'var(--c6)', 'dashed'],
    [`${c}.completed`, 'completed', 'var(--c2)'],
    [`${c}.rejected`, 'rejected', 'var(--c3)'],
    [`${c}.timedOut`, 'timed out', 'var(--c4)'],
    [`${c}.failed`, 'failed', 'var(--c5)'],
    [`${c}.retries`, 'retries', 'var(--c1)', 'dashed'],
  ],
});

/** Latency per attempt (solid) and as the client waited for it, first attempt to answer (dashed): answered requests only. */
const latency = (c: 'commands' | 'queries', at: number, title: string, help: string): BuiltinChart => ({
  at,
  title,
  help,
  unit: 'latency (ms)',
  format: 'ms',
  minTop: 5,
  follow: c === 'commands' ? 'command' : 'query',
  lines: [
    [`${c}.p50`, 'p50', 'var(--c1)'],
    [`${c}.p95`, 'p95', 'var(--c4)'],
    [`${c}.p99`, 'p99', 'var(--c3)'],
    [`${c}.clientP50`, 'client p50', 'var(--c2)', 'dashed'],
    [`${c}.clientP99`, 'client p99', 'var(--c5)', 'dashed'],
  ],
});

export const clientsDecl = {
  name: 'clients',
  // Setting a constant rate replaces a rate profile (the person asked for this rate from now on).
  replaces: { 'workload.rps': 'workload.profile' },
  sections: {
    workload: {
      help: 'The clients: how many requests they send, how many are commands, which keys, and how they time out and retry.',
      lines: WORKLOAD,
      defaults: {
        rps: 400,
        arrivals: 'poisson',
        writeRatio: 0.2,
        'keys.count': 10_000,
        'keys.distribution': 'uniform',
        'keys.zipfS': 1.1,
        'followUpReads.ratio': 0.1,
        'followUpReads.afterMs': 100,
        timeoutMs: 2000,
        'retries.max': 0,
        'retries.backoffMs': 100,
        'retries.jitter': 1,
        'retries.keepServiceTime': false,
      },
    },
  },
  figures: [
    { at: 20, rows: [...requestClass('commands'), ...requestClass('queries')] },
    {
      at: 50,
      rows: [
        ['followUpReads.count', 'reads', 'Follow-up reads answered: a client reads back the key it has just written (a read-your-writes check).'],
        ['followUpReads.violations', 'reads', 'Follow-up reads that did not see the client\'s own write yet: read-your-writes was broken.'],
      ],
    },
    { at: 150, rows: [['retries', 'attempts', 'Retries of commands and queries together.']] },
  ],
  windowFigures: [{ at: 20, rows: [...windowClass('commands'), ...windowClass('queries')] }],
  labels: {
    subjects: { commands: 'Command', queries: 'Query', followUpReads: 'Follow-up reads:' },
    measures: { latencyMs: 'latency', clientLatencyMs: 'latency as the client waited', gaveUpAfterMs: 'wait before giving up' },
    words: {
      offered: 'attempts offered',
      completed: 'attempts completed',
      rejected: 'attempts rejected',
      timedOut: 'attempts timed out',
      failed: 'attempts failed',
      inFlight: 'attempts in flight at the end',
      throughputRps: 'throughput',
      meanInSystem: 'mean requests in the system',
      retries: 'retries',
      'requests.started': 'requests started',
      'requests.succeeded': 'requests succeeded',
      'requests.gaveUp': 'requests given up',
      'requests.inProgress': 'requests in progress at the end',
      violations: 'read-your-writes violations',
      p50: 'p50 latency (median)',
      p95: 'p95 latency',
      p99: 'p99 latency',
      clientP50: 'p50 latency as the client waited',
      clientP95: 'p95 latency as the client waited',
      clientP99: 'p99 latency as the client waited',
    },
  },
} as const satisfies BuiltinDecl;

/** Its derived figures (`BuiltinDerived`): the load offered per second, and the share of attempts lost. */
export const clientsDerived = {
  name: 'clients',
  figures: [
    {
      id: 'queries.offeredRps',
      help: 'Query attempts offered per second after the warm-up: the load the lab puts on the query side.',
      of: (r, measuredS) => shareOf(r.queries.offered, measuredS),
    },
    {
      id: 'commands.offeredRps',
      help: 'Command attempts offered per second after the warm-up: the load on the command side.',
      of: (r, measuredS) => shareOf(r.commands.offered, measuredS),
    },
    {
      id: 'queries.lostShare',
      help: 'Share of query attempts rejected, timed out or failed.',
      of: (r) => shareOf(r.queries.rejected + r.queries.timedOut + r.queries.failed, r.queries.offered),
    },
    {
      id: 'commands.lostShare',
      help: 'Share of command attempts rejected, timed out or failed.',
      of: (r) => shareOf(r.commands.rejected + r.commands.timedOut + r.commands.failed, r.commands.offered),
    },
  ],
} as const satisfies BuiltinDerived;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const clientsView = {
  name: 'clients',
  pages: [
    {
      in: 'workload',
      section: 'workload',
      title: 'Clients (workload)',
      about: 'Open-loop Poisson arrivals, split into commands and queries.',
      fields: [
        ['rps', 'Request rate', { unit: 'req/s', step: 50, stepper: true }],
        ['profile', 'Rate profile', { editor: 'profile' }],
        ['writeRatio', 'Write ratio (commands)', { step: 0.05, stepper: true }],
        ['keys.distribution', 'Key distribution'],
        ['keys.zipfS', 'Zipf skew s', { step: 0.1, stepper: true }],
        ['keys.count', 'Keys', { unit: '' }],
        ['followUpReads.ratio', 'Follow-up read ratio', { step: 0.05 }],
        ['followUpReads.afterMs', 'Follow-up read after'],
        ['timeoutMs', 'Client timeout'],
        ['arrivals', 'Arrivals'],
        ['retries', 'Client retries', { editor: 'heading' }],
        ['retries.max', 'Retries per request (max)', { unit: '', stepper: true }],
        ['retries.backoffMs', 'Backoff'],
        ['retries.jitter', 'Jitter (0 exact, 1 full)', { step: 0.1 }],
        ['retries.budget', 'Retry budget (per request)', { unit: '', step: 0.05 }],
        ['retries.keepServiceTime', 'A retry needs the same work (inherently slow requests)'],
      ],
    },
  ],
  // The shares of attempts not answered (at 40 and 60) are computed on the page (chartDefs.ts).
  charts: [
    /* @__PURE__ */ throughput(
      'commands',
      10,
      'Command throughput',
      'Commands (writes) per second: offered by the clients, completed, and lost (rejected, timed out, failed), with the retries among the offered. When completed stays below offered, the command side is saturated.',
    ),
    /* @__PURE__ */ throughput(
      'queries',
      20,
      'Query throughput',
      'Queries (reads) per second: offered, completed and lost. The query side scales on its own: compare it with the command side under the same load.',
    ),
    /* @__PURE__ */ latency(
      'commands',
      30,
      'Command latency',
      'Response time of the commands answered each second, as p50, p95 and p99 of one attempt (solid), and what the client waited from its first attempt, retries and backoff included (dashed). Only answered requests count: read it beside the chart of attempts not answered.',
    ),
    /* @__PURE__ */ latency(
      'queries',
      50,
      'Query latency',
      'Response time of the queries answered each second, per attempt (solid) and as the client waited (dashed). Queueing makes p99 climb first as utilisation nears 100%; cache hits pull p50 down.',
    ),
  ],
} as const satisfies BuiltinView;
