/** The glossary's definitions, by term id (`lib/glossaryTerms.ts`). Plain words, loaded with the glossary. */
export const DEFINITIONS: Record<string, string> = {
  'command-model':
    'The write side of a CQRS system. Commands ("place an order", "move money") change state; the command model checks them and commits the change to the write store. Here: the command service and the sharded write store.',
  'query-model':
    'The read side of a CQRS system. Queries only read, from a store shaped for reading and kept up to date from the command side\'s events. Here: the query service, the cache and the read store with its replicas.',
  horizontal:
    'Scaling out: adding more instances of the same size behind a load balancer. It has no hard ceiling and no single point of failure, but needs work that can be split (stateless services, sharded data).',
  vertical:
    'Scaling up: making each instance bigger (more vCPUs, faster CPUs). Simple, but a machine has a largest size, each step costs more, and one big instance is one failure.',
  instance: 'One running copy of a service. A service with 4 instances can serve 4 times the work of one, if the load balancer spreads it well.',
  vcpu: 'A virtual CPU: one worker that serves one request at a time. An instance with 4 vCPUs serves up to 4 requests at once; the rest wait in its queue.',
  'load-balancer':
    'Spreads incoming requests over a service\'s instances (round-robin, random, least-connections, power-of-two choices, or by key), and stops sending to an instance its health checks mark down.',
  'response-time':
    'Latency: the time from sending a request to getting its answer, waiting in queues included. As utilisation nears 100%, queues grow and response time climbs steeply.',
  throughput: 'Work done per second: requests answered per second. Throughput stops rising when a part is saturated, however many more requests arrive.',
  percentile:
    'p50 (the median) is the response time half of the requests beat; p95 is beaten by 95 in 100, p99 by 99 in 100. The tail (p99) is what a busy user meets several times a session, so it is the figure to watch; the mean hides it.',
  utilisation:
    'The share of time a resource is busy (vCPUs, connections, projectors). Below about 70% queues stay short; near 100% small bursts make long queues and slow answers.',
  queue: 'Requests waiting for a free vCPU on an instance. Queue length is how many wait; when a queue is full, the next request is rejected at once.',
  replica:
    'A copy of the query model\'s store that serves reads, fed from the primary. More replicas spread the read load (horizontal scaling of the read side), but each is a little behind the primary.',
  'replication-lag': 'How long a change takes to reach a replica from the primary. A read from a replica during that time gets the old value.',
  'eventual-consistency':
    'The query model catches up with the command model after a delay instead of at once: stream lag, projection and replication lag add up. A read in between sees old data; given a pause in writes, every copy converges.',
  'consistency-lag':
    'Here: the time from a command\'s commit to the change being visible in the read model (the primary), and, as a second figure, on every replica.',
  'stale-read': 'A query answered with an older version of its key than the command model has already committed: the cost of eventual consistency or of a cache.',
  'read-your-writes':
    'A client that has just written a key reads it back and expects to see its own write. Replication lag and caches can break it; the follow-up reads measure how often.',
  'event-stream':
    'An ordered log of committed changes (events), like Kafka. The command side appends to it; projectors read it and update the query model. It absorbs write peaks: events wait in it instead of failing.',
  partition:
    'A slice of the event stream (or of data). Events with the same key stay in one partition, in order. A partition is read by one projector at a time, so partitions limit how many projectors can help.',
  projector: 'A consumer of the event stream that applies each event to the query model (updates the read store, and the cache when event-driven).',
  'consumer-group': 'The projectors together: the stream\'s partitions are shared out among them. Projectors beyond the number of partitions sit idle.',
  rebalance: 'When a projector joins or leaves, the consumer group pauses while partitions are handed out again; the stream lag grows meanwhile.',
  'stream-lag': 'Events appended to the stream but not yet applied to the read model, counted in events or by the age of the oldest one.',
  shard: 'A slice of the write store: each key lives on one shard, so writes to different keys spread over the shards. A shard handles a limited number of writes at once.',
  'hot-key':
    'A key that gets far more requests than others (a flash-sale product). With range partitioning neighbouring hot keys land on one shard, a hot shard, which saturates while the rest idle; hashing spreads them.',
  zipf: 'A skewed choice of keys: the most popular key is chosen about twice as often as the second, three times as often as the third, and so on. It models popular products or accounts.',
  cache: 'A fast store in front of the read store. A hit answers at once without a read; a miss reads the store and keeps the answer. The hit ratio is the share of lookups that hit.',
  ttl: 'Time to live: a cached value is thrown away this long after it was stored. A longer TTL gives more hits and older answers.',
  invalidation:
    'Removing or refreshing cached values that changed: by TTL (wait for them to expire) or driven by events (the projector deletes or updates the key when it applies a change).',
  lru: 'Least recently used: when a cache node is full, the key not read for the longest time is dropped to make room.',
  autoscaling:
    'Adding or removing capacity by itself. Target tracking watches a metric (CPU, requests or queue per instance, stream lag) and sizes the group to hold it at a target, within a minimum and a maximum.',
  cooldown: 'A pause after a scaling decision before the next one, so the group does not swing back and forth before the last change has had its effect.',
  'cold-start': 'The time a new instance needs to boot before it serves. Auto-scaling reacts to load it has already seen, so a short spike can be over before new instances help.',
  'pre-warming': 'Scaling before a known peak (a scheduled sale) by a schedule, so the capacity is booted and ready when the load arrives.',
  'health-check':
    'The load balancer probes each instance at an interval. After a number of failed probes it marks the instance down and stops sending it requests; after passed probes it marks it up again. Until a crash is noticed, requests sent to it fail.',
  timeout: 'How long a client waits for an answer before giving up on an attempt. A slow answer after the timeout is wasted work.',
  backoff: 'The pause before a retry, doubled after each failure (exponential backoff). Jitter makes it random, so many clients do not retry in the same instant.',
  'retry-storm':
    'When a struggling service makes clients time out and retry, the retries add load and make it struggle more. A retry budget caps retries to a share of the normal traffic.',
  'circuit-breaker': 'A switch in the client: after many failures it opens and fails calls at once for a while, giving the service room to recover, then lets a few trial calls through.',
  'admission-control': 'A rate limit at the load balancer: requests beyond it are turned away at once with 429 ("too many requests") instead of piling up in queues.',
  'dead-letter-queue':
    'A place where a consumer sets aside a message it has given up on, so that the rest can go on. Here: when a projector fails to apply an event, it waits and tries again. The events of a key must be applied in order, and here the projector simply keeps the failing event in hand while it waits: it takes nothing else, so every partition it reads stands still, not only the one the failing event came from (head-of-line blocking), and the stream lag grows. Adding projectors spreads the partitions thinner, so one failing event stops fewer of them. After the last allowed attempt the event goes to the dead-letter queue and the projector moves on. That change never reaches the read model: its key keeps the older version, and queries read it stale until a later write of the key (or until someone replays the dead letters).',
  poisson: 'Arrivals from many independent clients: on average a fixed rate, but with random gaps, so short bursts happen by chance.',
  'warm-up': 'The first seconds of a run, left out of the report, while queues, caches and the stream fill to their usual level.',
  index: 'A lookup structure in the read store. Without the index a query scans the whole table, which is many times slower.',
  'gray-failure': 'An instance that still answers its health checks but serves slowly. The load balancer keeps sending it requests, so its queue and response times grow.',
  'rolling-restart':
    'A change of instance size restarts instances one at a time, so some capacity is missing while each restarts. Draining: an instance being removed finishes its requests first.',
  'littles-law': 'Requests in the system on average = throughput × mean response time. It ties the three figures together for any stable system.',
  usl:
    'A model of why a bigger machine gives less than it adds: its vCPUs wait for what they share (contention) and spend time keeping each other in step (coherency). Past some size, adding vCPUs to one instance even slows it down; many small instances avoid both.',
  'failure-domain': 'What fails together. One big instance is one failure domain: its crash takes all its capacity at once, where one of many small instances takes only its share.',
  seed: 'The number all of a run\'s random choices come from. The same scenario and seed give exactly the same run; another seed gives another, equally likely run.',
  stages:
    'The pieces a latency is made of, one after another. A query waits in a queue, is served on a vCPU, looks in the cache, waits for a connection to the read store and is read; a command is served, waits for a connection to its shard and is written. A client also counts the failed attempts and back-offs before its answer. A change on its way to the read model is appended, waits in its partition, is applied, and is copied to the replicas. The stages of every request add up to its latency, so their means add up to the mean.',
  'queue-wait':
    'Time a request spends in a service instance\'s queue because all its vCPUs are busy. Near zero when the instance is lightly used, it grows steeply as utilisation nears 100%. A large queue wait says: more instances or more vCPUs.',
  'connection-wait':
    'Time waiting for a free connection to a store: a write for one on its key\'s shard, a read for one on its read node. When one shard gets most of the writes (a hot shard) its few connections stay busy and writes pile up here, while the other shards sit idle.',
  'store-time':
    'The store\'s own work once a connection is free: the query on the read store, or the write on its shard up to the commit. A query with no index to use shows up here as a long read.',
  append:
    'The time from a write\'s commit until its event is in the event stream. Events of one partition are appended one after the other. A command waits for it only when the append is synchronous; otherwise it is the first part of the consistency lag.',
  'partition-wait':
    'Time an event spends in its partition of the stream before its projector takes it: behind earlier events, during a rebalance, while the stream is cut, or when no projector reads that partition. It is the stream lag as one change lives it.',
  'apply-retries':
    'The apply is the projector writing the change into the read model. When an apply fails and a dead-letter queue is set up, the failed tries and the pauses between them are counted apart, as apply retries; the whole partition waits meanwhile.',
  'replica-copy':
    'From the change reaching the read model\'s primary to it reaching the last read replica: the replication delay. Until then, a read served by a replica that has not caught up returns the old value.',
  'failed-attempts':
    'For a client, the time spent on earlier tries of the same request that failed, were turned away or timed out, before the try that got an answer. With retries, part of what a user waits is here, and part in the back-off between tries.',
  tail:
    'The slowest requests: those at or above the p99, about one in a hundred. Their time can be spent quite differently from the average request\'s: a queue that is short on average can be where the slowest ones spent nearly all of theirs, so the panel splits the tail on its own bar.',
  waterfall:
    'One request drawn on a time line: a bar for each thing it went through (each attempt, each stage of an attempt, the back-offs between tries, and for a command its write on the way to every replica), each placed where it started and as long as it lasted. The bars of the attempts and back-offs fill the request\'s whole latency. "Follow a request" draws the next request, or the slowest of a recent second.',
  'critical-path':
    'The chain of steps whose ends make a request as long as it is: shorten any of them and the request ends sooner. In a waterfall they are the solid bars. The copies to replicas run side by side, so only the one that ends last is on it; the others could be faster without changing when the write is visible everywhere.',
};
