/** The command and query services: instances behind a load balancer, their queues, vCPUs and memory. */
import { DEFAULT_COHERENCY, DEFAULT_CONTENTION, MAX_MEMORY_MB, MAX_SPEED, MAX_VCPUS } from '../../input/bounds';
import { LOAD_BALANCER_ALGORITHMS, type FieldSpec } from '../../input/fieldSpec';
import { exp, group, shareOf, summary, type BuiltinDecl, type BuiltinDerived, type FigureRow } from './declaration';
import type { BuiltinPage, BuiltinView } from './page';

/** A service's own lines; the parts on the contract add their groups (`Part.serviceGroup`, see `serviceLines`). */
export const SERVICE_OWN = [
  ['instances', 'integer', '', ['instances', 0, 1000], 'How many copies of this service run behind its load balancer. More instances is horizontal scaling (scaling out); new ones boot before they serve.'],
  [
    'vcpus',
    'integer',
    '',
    ['vCPUs', 1, MAX_VCPUS],
    'vCPUs (workers that serve requests side by side) in each instance, up to 192, the largest machines clouds rent. More vCPUs is vertical scaling (scaling up), with limits: the vCPUs of one instance slow each other down (contention, coherency), so one instance of 64 gives far less than 16 instances of 4; it costs more per vCPU-hour (pricing.sizePremium); and its crash takes all of it at once. A change restarts the instances one at a time.',
  ],
  [
    'speed',
    'number',
    '',
    ['x', '>0', MAX_SPEED],
    'How fast each vCPU is compared with a typical cloud vCPU (2 means twice as fast): the service time is divided by it. At most 2: the fastest cores on sale are not much faster than ordinary ones. A faster machine is also vertical scaling.',
  ],
  [
    'contention',
    'number',
    '',
    ['ratio', 0, 1],
    'Contention (σ of the Universal Scalability Law): the share of work that queues for something the vCPUs of one instance share (a lock, the memory bus). A request started while N vCPUs are busy takes 1 + σ(N − 1) + κN(N − 1) times as long. 0 with coherency 0 is an ideal machine.',
  ],
  [
    'coherency',
    'number',
    '',
    ['ratio', 0, 0.1],
    'Coherency (κ of the Universal Scalability Law): the cost of keeping every pair of busy vCPUs in agreement (shared caches and state). It grows with the square of the vCPUs, so past some size adding vCPUs to an instance lowers what it delivers.',
  ],
  ['queueCapacity', 'integer', '', ['requests', 0, 1_000_000], 'How many requests may wait in each instance\'s queue; when it is full, the next one is rejected at once.'],
  ['serviceTimeMs', 'latency', '', ['ms'], 'The work one request needs: its time on one vCPU at speed 1, before any waiting in a queue.'],
  ['loadBalancer', 'choice', '', null, 'How the load balancer picks an instance for each request: in turn (round-robin), at random, the one with fewest in flight (least-connections), the better of two at random (power-of-two), or by the request\'s key (consistent-hash).', LOAD_BALANCER_ALGORITHMS],
  ['baseMemoryMb', 'number', '', ['MB', 0, MAX_MEMORY_MB], 'Memory an instance uses with no requests in it.'],
  ['memoryPerRequestMb', 'number', '', ['MB', 0, MAX_MEMORY_MB], 'Memory each request holds while it is on the instance, queued or served.'],
  ['memoryLimitMb', 'number', '', ['MB', '>0', MAX_MEMORY_MB], 'Memory of one instance; a request that would go over it is rejected.'],
  ['restartS', 'number', '', ['s', 0, 3600], 'How long an instance is out of service while it restarts for a vertical change (new vCPUs or speed).'],
  ['autoscaling', 'group', 'optional', null, 'Auto-scaling: add or remove instances to hold a metric at a target (target tracking).'],
] as const satisfies readonly FieldSpec[];

/** A service's lines: its own, and each part's group after the field the part names (or at the end), in the parts' order. */
export function serviceLines<G extends { readonly line: FieldSpec; readonly after?: string }>(groups: readonly G[]): FieldSpec[] {
  const lines: FieldSpec[] = SERVICE_OWN.slice();
  for (const g of groups) {
    const at = g.after === undefined ? -1 : lines.findIndex((f) => f[0] === g.after);
    if (at < 0) lines.push(g.line);
    else lines.splice(at + 1, 0, g.line);
  }
  return lines;
}

/** A service's defaults, but for those that differ between the two services (below). */
const SERVICE_COMMON = {
  vcpus: 2,
  speed: 1,
  contention: DEFAULT_CONTENTION,
  coherency: DEFAULT_COHERENCY,
  queueCapacity: 100,
  baseMemoryMb: 256,
  memoryPerRequestMb: 1,
  memoryLimitMb: 1024,
  restartS: 5,
} as const;

const service = (s: 'commandService' | 'queryService'): FigureRow[] => [
  ...group(s, 'instances'),
  ...summary(`${s}.queueWaitMs`, 'ms', 'time an attempt waited in an instance\'s queue before a vCPU took it'),
  [`${s}.utilization`, 'ratio', 'Utilisation: the share of time the serving instances\' vCPUs were busy. Near 100% the queues, and response times, grow fast.'],
  [`${s}.memoryUtilization`, 'ratio', 'Memory in use as a share of each instance\'s limit, averaged over the serving instances.'],
  [`${s}.meanQueueLength`, 'requests', 'Mean number of attempts waiting in the queues of all instances together.'],
];

const windowGroup = (g: string): FigureRow[] => [
  [`${g}.utilization`, 'ratio', 'Busy share of the vCPUs of serving instances in the window.'],
  [`${g}.meanQueueLength`, 'requests', 'Mean number of requests queued in the window, all instances.'],
  [`${g}.instances`, 'instances', 'Instances ready at the end of the window.'],
  [`${g}.booting`, 'instances', 'Instances booting at the end of the window.'],
  [`${g}.draining`, 'instances', 'Instances draining or restarting at the end of the window.'],
];

/** A service's block of the settings panel (the parts' groups join it: see `partGroupsAfter`). */
const page = (s: 'commandService' | 'queryService', title: string, about: string): BuiltinPage => ({
  in: s,
  section: s,
  title,
  about,
  partGroupsAfter: 'autoscaling',
  fields: [
    ['instances', 'Instances', { unit: '', stepper: true }],
    ['vcpus', 'vCPUs per instance', { unit: '', stepper: true }],
    ['speed', 'Speed per vCPU', { step: 0.25, stepper: true }],
    ['contention', 'Contention σ (within an instance)', { step: 0.01 }],
    ['coherency', 'Coherency κ (within an instance)', { step: 0.0001 }],
    ['queueCapacity', 'Queue capacity'],
    ['serviceTimeMs', 'Service time'],
    ['loadBalancer', 'Load balancer'],
    ['autoscaling', 'Auto-scaling', { editor: 'autoscaling', metrics: ['cpu', 'rps', 'queue', 'memory'] }],
    ['memory', 'Memory and restarts', { editor: 'heading' }],
    ['baseMemoryMb', 'Base memory'],
    ['memoryPerRequestMb', 'Memory per request'],
    ['memoryLimitMb', 'Memory limit'],
    ['restartS', 'Restart for a vertical change'],
  ],
});

export const serviceDecl = {
  name: 'service',
  sections: {
    commandService: {
      help: 'The command side: instances that handle writes, behind a load balancer. It scales independently of the query side.',
      lines: SERVICE_OWN,
      service: true,
      defaults: { ...SERVICE_COMMON, instances: 2, serviceTimeMs: exp(4), loadBalancer: 'round-robin' },
    },
    queryService: {
      help: 'The query side: instances that handle reads, behind a load balancer. It scales independently of the command side.',
      lines: SERVICE_OWN,
      service: true,
      defaults: { ...SERVICE_COMMON, instances: 2, serviceTimeMs: exp(3), loadBalancer: 'least-connections' },
    },
  },
  figures: [
    { at: 80, rows: service('commandService'), then: { serviceFiguresOf: 'commandService' } },
    { at: 90, rows: service('queryService'), then: { serviceFiguresOf: 'queryService' } },
  ],
  windowFigures: [{ at: 80, rows: [...windowGroup('commandService'), ...windowGroup('queryService')] }],
  labels: {
    subjects: { commandService: 'Command service:', queryService: 'Query service:' },
    measures: { queueWaitMs: 'queue wait' },
    words: {
      utilization: 'utilisation',
      memoryUtilization: 'memory utilisation',
      meanQueueLength: 'mean queue length',
      instances: 'instances ready',
      booting: 'instances booting',
      draining: 'instances draining or restarting',
    },
  },
} as const satisfies BuiltinDecl;

/** Its derived figures (`BuiltinDerived`). */
export const serviceDerived = {
  name: 'service',
  figures: [
    {
      id: 'queryService.vcpusPerInstance',
      help: 'vCPUs per query instance over the run (vCPU-hours over instance-hours).',
      of: (r) => shareOf(r.queryService.cost.vcpuHours, r.queryService.cost.instanceHours),
    },
  ],
} as const satisfies BuiltinDerived;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const serviceView = {
  name: 'service',
  pages: [
    /* @__PURE__ */ page('commandService', 'Command service', 'Handles writes: instances behind a load balancer.'),
    /* @__PURE__ */ page('queryService', 'Query service', 'Handles reads: instances behind a load balancer.'),
  ],
  charts: [
    {
      at: 80,
      title: 'Utilisation',
      help: "Share of the vCPUs busy on each side, and of the read store's connections (its load). Above about 70–80% queues and response times grow fast; auto-scaling on cpu tries to hold it at its target.",
      unit: 'busy vCPUs / connections (%)',
      percent: true,
      lines: [
        ['commandService.utilization', 'command service', 'var(--c1)'],
        ['queryService.utilization', 'query service', 'var(--c2)'],
        ['readStoreUtilization', 'read store', 'var(--c5)', 'dashed'],
      ],
    },
    {
      at: 90,
      title: 'Queue length',
      help: 'Mean number of requests waiting for a vCPU, per side. A growing queue is the first sign of too little capacity, before requests are rejected.',
      unit: 'mean queued requests',
      lines: [
        ['commandService.meanQueueLength', 'command service', 'var(--c1)'],
        ['queryService.meanQueueLength', 'query service', 'var(--c2)'],
      ],
    },
    {
      at: 100,
      title: 'Instances',
      help: 'How many command and query instances serve, how many are booting (a cold start), and the projectors and read replicas. Scale-outs show here only after the boot time.',
      unit: 'instances',
      minTop: 4,
      lines: [
        ['commandService.instances', 'command ready', 'var(--c1)'],
        ['queryService.instances', 'query ready', 'var(--c2)'],
        [['commandService.booting', 'queryService.booting'], 'booting', 'var(--c4)', 'dashed'],
        ['projectors', 'projectors', 'var(--c5)'],
        ['replicas', 'replicas', 'var(--c6)', 'dashed'],
      ],
    },
  ],
} as const satisfies BuiltinView;
