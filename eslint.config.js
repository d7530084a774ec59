// Boundaries the tools enforce (see README, "Boundaries"). Only these rules, and no type-aware
// linting, so `npm run lint` stays fast; the type checks are tsc's job.
import tseslint from 'typescript-eslint';

/** Simulation files that run only in Node (the bench, the fuzzer's command line) and tests. The CLI is in cli/. */
const SIMULATION_HOST_FILES = [
  'simulation/bench/**',
  'simulation/fuzz/fuzz.ts',
  'simulation/test/**',
  'simulation/**/*.test.ts',
];

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https',
  'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tty', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];

/** The page imports the engine only through its public entry (and the zod-free registries). */
const PAGE_ENGINE_PATTERN = {
  regex: '(^|/)simulation/(?!(index|fields|figures|derived|series|examples)$)',
  message:
    'The page imports the engine only from simulation/index (or the zod-free simulation/fields, simulation/figures, simulation/derived, simulation/series and simulation/examples); it reads the parts from virtual:engine-facts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.tmp.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The engine: deterministic and host-free. No DOM, no Node, no React, no clocks, no timers, no Math.random.
    files: ['simulation/**/*.ts'],
    ignores: SIMULATION_HOST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, 'react', 'react-dom', 'comlink', 'zustand'].map((name) => ({
            name,
            message: 'simulation/ runs the same in a worker, in Node and in tests: no host or UI modules.',
          })),
          patterns: [
            { group: ['node:*'], message: 'simulation/ imports no Node built-ins (only bench/ and fuzz/fuzz.ts may; the CLI is in cli/).' },
            { group: ['react/*', 'react-dom/*', '**/src/**'], message: 'simulation/ knows nothing of the page.' },
            { group: ['**/cli/**', '**/cli'], message: 'simulation/ knows nothing of the command line (cli/ imports the engine, never the reverse).' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self', 'fetch', 'XMLHttpRequest', 'Worker', 'postMessage'].map(
          (name) => ({ name, message: 'No DOM or worker globals in simulation/.' }),
        ),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'No Node globals in simulation/.' })),
        ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'queueMicrotask', 'performance'].map(
          (name) => ({ name, message: 'No timers or clocks in simulation/: simulated time only; the host paces the engine.' }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use a named seeded stream (engine/random.ts stream()).' },
        { object: 'Date', property: 'now', message: 'No wall clock in simulation/: the engine has its own time.' },
        { object: 'performance', property: 'now', message: 'No wall clock in simulation/.' },
        { object: 'globalThis', property: 'setTimeout', message: 'No timers in simulation/.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'No wall clock in simulation/.' }],
    },
  },
  {
    // The command line (Node only) reaches the engine through its public modules: simulation/index, the
    // zod-free registries the page may use too, and simulation/run, the engine alone for its worker threads.
    // It knows nothing of the page. Its tests may use the engine's test helpers.
    files: ['cli/**/*.ts'],
    ignores: ['cli/test/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)simulation/(?!(index|fields|figures|derived|series|examples|run)$)',
              message: 'cli/ imports the engine only from simulation/index (or simulation/fields, figures, derived, series, examples, and run for the worker threads).',
            },
            { regex: '(^|/)src/', message: 'cli/ knows nothing of the page.' },
          ],
        },
      ],
    },
  },
  {
    // The page reaches the engine only through its public entry (and the zod-free registries), and the
    // worker only through the bridge and the worker's types.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/worker/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            PAGE_ENGINE_PATTERN,
            {
              regex: '(^|/)worker/',
              allowTypeImports: true,
              message: 'Outside src/worker, import the worker only as types (import type); reach it through src/bridge/simBridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bridge to a worker run in process, for the page's headless tests (src/app/testController.ts),
    // runs the worker's own code; the page never imports it.
    files: ['src/bridge/inProcessBridge.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PAGE_ENGINE_PATTERN] }] },
  },
);
