/** A chart's id: its title in lower case with dashes ("Query latency" is `query-latency`). Labs name charts by it. */
export const chartId = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
