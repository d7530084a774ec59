/** Pricing: what capacity costs (the groups' costs are among their figures; the window carries the running total). */
import type { FieldSpec } from '../../input/fieldSpec';
import type { BuiltinDecl } from './declaration';
import type { BuiltinView } from './page';

const PRICING = [
  ['vcpuHourUsd', 'number', 'fixed', ['USD', 0, 1000], 'Price of one vCPU-hour of an instance of up to 4 vCPUs (projectors and replicas count as one such vCPU each).'],
  [
    'sizePremium',
    'number',
    'fixed',
    ['ratio', 0, 10],
    'How much more a vCPU-hour costs on a bigger instance: this share of the base price is added for each doubling of vCPUs above 4 (0.1: 8 vCPUs cost 1.1x per vCPU-hour, 16 cost 1.2x, 64 cost 1.4x).',
  ],
] as const satisfies readonly FieldSpec[];

export const pricingDecl = {
  name: 'pricing',
  sections: {
    pricing: { help: 'What capacity costs: a price per vCPU-hour, more per vCPU on bigger instances.', lines: PRICING, defaults: { vcpuHourUsd: 0.04, sizePremium: 0.1 } },
  },
  windowFigures: [
    {
      at: 130,
      rows: [
        ['costVcpuHours', 'vCPU-hours', 'vCPU-hours paid for since the start of the run (warm-up included), all groups.'],
        ['costUsd', 'USD', 'What that cost since the start of the run, each vCPU-hour priced by its instance\'s size (bigger instances cost more per vCPU).'],
      ],
    },
  ],
  labels: {
    words: {
      'cost.vcpuHours': 'cost in vCPU-hours',
      'cost.instanceHours': 'cost in instance-hours',
      'cost.usd': 'cost in dollars',
      'cost.afterWarmup.vcpuHours': 'cost after warm-up in vCPU-hours',
      'cost.afterWarmup.instanceHours': 'cost after warm-up in instance-hours',
      'cost.afterWarmup.usd': 'cost after warm-up in dollars',
      costUsd: 'Cost in dollars so far',
      costVcpuHours: 'Cost in vCPU-hours so far',
    },
  },
} as const satisfies BuiltinDecl;

/** How the page shows it (`page.ts`): apart from the declaration, so that the engine's bundles, which read only that, leave it out. */
export const pricingView = {
  name: 'pricing',
  // At the end of the run's settings: what capacity costs is fixed for a run.
  pages: [
    {
      in: 'run',
      section: 'pricing',
      fields: [
        ['', 'Pricing', { editor: 'heading' }],
        ['vcpuHourUsd', 'Price per vCPU-hour (up to 4 vCPUs)', { step: 0.01 }],
        ['sizePremium', 'Premium per doubling of instance size', { step: 0.05 }],
      ],
    },
  ],
  charts: [
    {
      // In money, so a big instance's higher price per vCPU-hour shows (vCPU-hours are in the CSV).
      at: 120,
      title: 'Cost',
      help: 'Dollars paid since the start of the run, all groups together, booting instances included. Horizontal and vertical scaling both cost; a bigger instance costs more per vCPU-hour.',
      unit: 'USD since the start',
      format: 'usd',
      minTop: 0.001,
      lines: [['costUsd', 'USD', 'var(--c1)']],
    },
  ],
} as const satisfies BuiltinView;
