import type { LabDef } from '../labTypes';

/** Quiz question 4: partitioning and sharding, spreading data and its load over nodes. */
export const lab: LabDef = {
  id: 'q4',
  n: 4,
  title: 'Shard the writes evenly',
  question: 'What are partitioning and sharding for?',
  goal: 'Spread the writes evenly over the four shards of the write store, so that no one shard holds up the commands.',
  scenario: {
    version: 1,
    name: 'Lab 4: one hot shard',
    durationS: 20,
    warmupS: 4,
    workload: { rps: 1200, writeRatio: 0.8, keys: { count: 10000, distribution: 'zipf', zipfS: 1.0 } },
    commandService: { instances: 4 },
    writeStore: { shards: 4, partitioning: 'range', connectionsPerShard: 4, writeLatencyMs: { type: 'exponential', meanMs: 5 } },
  },
  prediction: {
    question: 'A few customers place most orders, and their ids are close together; one shard now takes most writes. If shards are chosen by a hash of the key instead of by key range, the busiest shard will take…',
    options: [
      { id: 'same', text: '…about the same share as now: hot keys stay hot.' },
      { id: 'quarter', text: '…about a third or less: close to the others.' },
      { id: 'none', text: '…no writes at all.' },
    ],
    answer: 'quarter',
  },
  steps: [
    { text: 'Select the write store: one shard is marked HOT and takes most of the writes.', part: 'writeStore' },
    { text: 'Set Partitioning to hash (this starts a new run: the data has to be laid out again).', field: 'writeStore.partitioning', value: 'hash' },
    { text: 'Keep 4 shards, and run the lab.', field: 'writeStore.shards', value: 4 },
  ],
  notice: {
    text: 'The write shards in the topology show each one\u2019s share of the writes. On the command latency chart the p99 line drops from hundreds of milliseconds once no shard is overloaded.',
    charts: ['command-latency', 'command-throughput'],
    parts: ['writeStore'],
  },
  look: {
    text: 'Where does a slow command wait? Where the time goes splits the commands\u2019 latency into stages, and its lower bar splits the p99 tail, the slowest 1% or so. With one hot shard, nearly all of that tail is write connection wait: the command has its instance and is ready to write, but the hot shard\u2019s few connections are all taken, so it queues for one while the other shards have connections to spare. The slowest command of the last second shows the same wait in its own waterfall. After the change to hash, that share of the tail shrinks to almost nothing.',
    open: ['stages', 'slowest-command'],
  },
  check: {
    text: 'At the full write load, command p99 under 50 ms, under 1% of commands lost, the busiest shard under 40% of the writes, with at most 4 shards.',
    terms: [
      { figure: 'commands.latencyMs.p99', op: '<', limit: 50, label: 'command p99', unit: 'ms' },
      { figure: 'commands.lostShare', op: '<', limit: 0.01, label: 'commands rejected or timed out', unit: '%' },
      { figure: 'writeStore.hottestShare', op: '<', limit: 0.4, label: 'busiest shard\u2019s share of writes', unit: '%' },
      { figure: 'setting:writeStore.shards', op: '<=', limit: 4, label: 'shards', unit: '' },
      { figure: 'commands.offeredRps', op: '>=', limit: 900, label: 'command load offered', unit: 'req/s' },
    ],
  },
  debrief: [
    'Sharding splits the data over several nodes so that each holds a part and takes a part of the load. How keys are assigned decides whether the parts are even: by range, the popular keys (which sit together) all land on one shard; by hash, neighbouring keys scatter.',
    'The same four shards did the work of four instead of one. More range shards would not have helped: the hot range would still sit on a single shard. Partitioning by a key with an even spread is what lets the write side scale out.',
  ],
};
