/**
 * The README's commands, run as a user copies them. Every line of every `sh` block in README.md
 * must have a check here that says what its comment promises, and each check runs the line
 * exactly as written (through bash, from a folder that looks like the project's: every top-level
 * entry linked, so files the line writes land outside the checkout).
 *
 * Lines that take minutes (the block after "These take minutes") run only with
 * `LAB_README_LONG=1`. `npm install && npm test` is the one line not run here: it is CI's own run
 * (`.ci/run` does `npm ci` and `npm test`), and running it from inside `npm test` would recurse.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../simulation/examples/catalogue';
import { chromiumLaunchOptions, systemChromium } from './browser';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Each `sh` block's command lines (the comment after two or more spaces and `#` taken off), in order. */
function shBlocks(text: string): string[][] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]
      .split('\n')
      .map((l) => l.replace(/\s{2,}#.*$/, '').trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** A folder whose top-level entries link to the checkout's, so a line's outputs stay out of it. */
const work = mkdtempSync(join(tmpdir(), 'readme-'));
for (const name of readdirSync(root)) symlinkSync(join(root, name), join(work, name));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}
const sh = (line: string, timeoutMs = 120_000): Ran => {
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: work, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string) => readFileSync(join(work, name), 'utf8');
const csvRows = (text: string) => text.trim().split('\n');

type Check = (r: Ran) => void;
const ok = (r: Ran) => expect(r.status, r.stderr.slice(-2000)).toBe(0);
const jsonReport = (name: string) => {
  const report = JSON.parse(file(name)) as { scenario: string; queries: { latencyMs: { p99: number } } };
  expect(report.queries.latencyMs.p99).toBeGreaterThan(0);
  return report;
};

/** What each quick line must do; a README line without an entry here fails the first test. */
const QUICK: Record<string, Check> = {
  'npm run sim -- scenarios/default.json': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/^default \(seed 1\): 60 s simulated/m);
    expect(r.stdout).toMatch(/^ {2}where the time goes \(mean [\d.]+ ms\): service [\d.]+ \(\d+%\)/m);
  },
  'npm run sim -- flash-sale': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/flash sale/i);
  },
  'npm run sim -- --list-examples': (r) => {
    ok(r);
    for (const e of EXAMPLES) expect(r.stdout).toContain(e.id);
  },
  'npm run -s sim -- scenarios/default.json --json > report.json': (r) => {
    ok(r);
    expect(jsonReport('report.json').scenario).toBe('default');
  },
  'npm run sim -- scenarios/flash-sale.json --seed 7 --duration 300 --warmup 10 --series out.csv --drain': (r) => {
    ok(r);
    const rows = csvRows(file('out.csv'));
    expect(rows[0]).toMatch(/^tS,commands\.offered,/);
    // One row a simulated second for 300 s, and the drain's seconds after them.
    expect(rows.length - 1).toBeGreaterThanOrEqual(300);
    expect(r.stdout).toMatch(/\(seed 7\): 300(\.\d+)? s simulated/);
  },
  'cat scenarios/default.json | npm run -s sim -- - --series - > series.csv': (r) => {
    ok(r);
    expect(r.stderr).toMatch(/^default \(seed 1\): 60 s simulated/m);
    const rows = csvRows(file('series.csv'));
    expect(rows[0]).toMatch(/^tS,/);
    expect(rows).toHaveLength(61);
  },
  'npm run sim -- hot-shard --trace trace.json --trace-every 100': (r) => {
    ok(r);
    const doc = JSON.parse(file('trace.json')) as { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] };
    const spans = doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
    // Whole requests of every 100th: several traces, each of several spans.
    const traces = new Set(spans.map((sp) => sp.traceId));
    expect(traces.size).toBeGreaterThan(5);
    expect(spans.length).toBeGreaterThan(2 * traces.size);
  },
  'npm run sim -- scenarios/default.json --max-wall 30': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/^default \(seed 1\): 60 s simulated/m);
  },
  'npm run sim -- scenarios/default.json --replications 20 --drain --max-wall 600': (r) => {
    ok(r);
    // Twenty seeds, each figure a mean with its 95% interval.
    expect(r.stdout).toContain('default, 20 replications (seeds 1 to 20)');
    expect(r.stdout).toMatch(/^queries\.latencyMs\.p99\s+[\d.]+ ± [\d.]+$/m);
  },
  'npm run sim -- --help': (r) => {
    ok(r);
    for (const flag of ['--json', '--series', '--drain', '--max-wall', '--seed', '--duration', '--warmup', '--replications', '--workers', '--plan', '--space', '--exhaustive', '--shard', '--merge', '--find-limit']) {
      expect(r.stdout).toContain(flag);
    }
  },
  'npm run sim -- scenarios/default.json --duration 20 --warmup 5 --plan "queries.latencyMs.p99 < 20" --plan "commands.latencyMs.p99 < 30" --space queryService.instances=1..4 --space queryService.vcpus=1,2,4 --space commandService.instances=1..3 --space readStore.replicas=0..2 --replications 3':
    (r) => {
      ok(r);
      // The answer the README names, and a search that ran fewer designs than the space holds.
      expect(r.stdout).toMatch(/^best: queryService\.instances=3, queryService\.vcpus=1, commandService\.instances=1, readStore\.replicas=0: 0\.2800 USD per hour/m);
      expect(r.stdout).toMatch(/^plan: 108 designs, (\d+) ran/m);
      expect(Number(/^plan: 108 designs, (\d+) ran/m.exec(r.stdout)![1])).toBeLessThanOrEqual(54);
    },
  'npm run sim -- scenarios/default.json --duration 30 --warmup 5 --find-limit "queryService.queueWaitMs.mean < 20"': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/^limit: [\d.]+ req\/s/m);
    expect(r.stdout).toMatch(/^ {2}first to saturate: queryService \((9[5-9]|100)\.\d% busy at the limit\)/m);
  },
  'for i in 1 2 3; do npm run -s sim -- scenarios/default.json --duration 10 --warmup 2 --plan "queries.latencyMs.p99 < 20" --space queryService.instances=1..3 --space queryService.vcpus=1,2 --shard $i/3 > shard-$i.json; done; npm run -s sim -- --merge shard-*.json':
    (r) => {
      ok(r);
      // The merge's answer is the one a single machine gives.
      const single = sh('npm run -s sim -- scenarios/default.json --duration 10 --warmup 2 --plan "queries.latencyMs.p99 < 20" --space queryService.instances=1..3 --space queryService.vcpus=1,2');
      ok(single);
      expect(r.stdout).toBe(single.stdout);
      expect(r.stdout).toMatch(/^best: /m);
    },
  'npm exec --no -- cqrs-lab scenarios/default.json --json > report.json': (r) => {
    ok(r);
    // The prebuilt command gives the report the engine gives through tsx, wall time aside.
    const prebuilt = { ...jsonReport('report.json'), wallMs: 0 };
    const viaTsx = sh('npm run -s sim -- scenarios/default.json --json');
    ok(viaTsx);
    expect(prebuilt).toEqual({ ...JSON.parse(viaTsx.stdout), wallMs: 0 });
  },
  'npm run fuzz -- --seed 1 --runs 100': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/fuzz seed 1: 100 runs .* 0 failed/);
  },
};

const LONG: Record<string, Check> = {
  'npm run bench': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/mm1: .* events\/s/);
    expect(r.stdout).toMatch(/cqrs: .* simulated requests\/s/);
  },
  'npm run bench:versus -- HEAD~1 3': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/median/);
  },
  'npm run fuzz -- --seed 1 --runs 5000': (r) => {
    ok(r);
    expect(r.stdout).toMatch(/fuzz seed 1: 5,?000 runs .* 0 failed/);
  },
};

const [first, quick, long] = shBlocks(readme);

describe('README.md', () => {
  it('has the two commands of a fresh machine, then the quick block and the long block, every line with its check', () => {
    expect(first).toEqual(['npm install && npm start', 'npm install && npm test']);
    expect(quick).toEqual(Object.keys(QUICK));
    expect(long).toEqual(Object.keys(LONG));
    expect(shBlocks(readme)).toHaveLength(3);
  });

  it('and docs/ point at nothing outside the repository; their links and the files the README names exist', () => {
    const pages = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)];
    for (const page of pages) {
      const text = readFileSync(join(root, page), 'utf8');
      // A contributor's notes live in the repository: nothing above it (../shared/DESIGN.md was named).
      expect(text, page).not.toMatch(/\.\.\/shared|\(\.\.\/|`\.\.\//);
      const dir = join(root, page, '..');
      for (const [, target] of text.matchAll(/\]\(([\w./-]+\.md)\)/g)) expect(existsSync(join(dir, target)), `${page} links ${target}`).toBe(true);
      // (docs/ also name files a walk-through has you create, so only the README's are checked.)
      if (page !== 'README.md') continue;
      for (const [, path] of text.matchAll(/`((?:simulation|src|scripts|e2e|docs)\/[\w./-]+\.(?:ts|tsx|md|json))`/g)) {
        expect(existsSync(join(root, path)), `${page} names ${path}`).toBe(true);
      }
    }
  });

  for (const line of Object.keys(QUICK)) {
    it(`runs as written: ${line}`, () => QUICK[line](sh(line)));
  }

  for (const line of Object.keys(LONG)) {
    it.runIf(process.env.LAB_README_LONG === '1')(`runs as written (LAB_README_LONG=1): ${line}`, () => LONG[line](sh(line, 30 * 60_000)), 30 * 60_000);
  }

  const browser = systemChromium() ?? (existsSync(chromium.executablePath()) ? chromium.executablePath() : null);
  it.runIf(browser !== null)('npm start serves the sandbox on the default scenario, its worker answering (vite dev)', async () => {
    // BROWSER=none: vite's --open would start a desktop browser; the test opens its own instead.
    const server = spawn('npm', ['start'], { cwd: root, env: { ...process.env, BROWSER: 'none' }, detached: true });
    let out = '';
    // Colours off: with CI set, vite colours its lines even into a pipe ("\x1b[1mLocal\x1b[22m:").
    const plain = (d: Buffer) => d.toString().replace(/\x1b\[[0-9;]*m/g, '');
    server.stdout.on('data', (d: Buffer) => (out += plain(d)));
    server.stderr.on('data', (d: Buffer) => (out += plain(d)));
    const b = await chromium.launch(chromiumLaunchOptions());
    try {
      await expect.poll(() => /Local:\s+(http:\S+)/.exec(out)?.[1], { timeout: 60_000 }).toBeTruthy();
      const url = /Local:\s+(http:\S+)/.exec(out)![1];
      const page = await b.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      // "ready": the worker has answered its first call on the loaded scenario.
      await page.getByRole('status', { name: 'Run status' }).filter({ hasText: /^ready$/ }).waitFor({ timeout: 90_000 });
      await expect.poll(() => page.getByRole('status', { name: 'Run status' }).textContent()).toBe('ready');
      expect(await page.getByRole('button', { name: 'Play' }).isEnabled()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
      // The whole group: npm, its shell and vite (by their own process group id).
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    }
  }, 180_000);
});
