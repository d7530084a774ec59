/** Running the command line as a person runs it (through tsx, as `npm run sim` does), for the CLI's tests. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
export const cliPath = join(process.cwd(), 'cli', 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'cqrs-cli-'));

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string | object): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

/** Runs the CLI with `args` (and `input` on standard input); a run that hangs is killed after `timeoutMs`. */
export function runCli(args: string[], opts: { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(tsx, [cliPath, ...args], { encoding: 'utf8', input: opts.input, timeout: opts.timeoutMs ?? 120_000, env: opts.env ?? process.env });
}

/** A Node stack trace line (`at f (file.ts:12:3)`): never shown to a person. */
export const STACK = /\bat .*\.[jt]s:\d+/;
