// Lint: typescript-eslint, the React hooks rules, and the layer boundaries of docs/ARCHITECTURE.md.
// core/ is pure (no Node, no Electron, no DOM, no main/ or renderer/); renderer/ is DOM only (no Node, no main/).
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]

const layerImports = (...patterns) => ({
  patterns: [
    { group: ['node:*'], message: 'This layer may not use Node.js modules: move the work to main/.' },
    ...patterns,
  ],
  paths: [
    ...nodeBuiltins.map(name => ({ name, message: 'This layer may not use Node.js modules: move the work to main/.' })),
    { name: 'electron', message: 'Only main/electron/ talks to Electron.' },
  ],
})
const notMain = { group: ['**/main/**', '!**/main.tsx'], message: 'Talk to main/ only through window.api (core/ipc).' }
const notRenderer = {
  group: ['**/renderer/**'],
  message: 'core/ is pure: the renderer calls core/, never the other way.',
}

// Globals a browser has and plain ECMAScript does not (console, timers, URL and TextEncoder exist everywhere).
const everywhere = new Set([
  'console',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'structuredClone',
  'TextEncoder',
  'TextDecoder',
  'URL',
  'URLSearchParams',
  'atob',
  'btoa',
  'AbortController',
  'AbortSignal',
  'crypto',
  'performance',
  'fetch',
])
const domOnly = Object.keys(globals.browser).filter(name => !(name in globals.es2024) && !everywhere.has(name))
const nodeOnly = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module', 'setImmediate']

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.tmp/',
      'test/fixtures/',
      'test/unit/main/fixtures/',
      '**/*.cjs',
      'renderer/public/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        layerImports({ ...notMain, message: 'core/ is pure: main/ calls core/, never the other way.' }, notRenderer),
      ],
      'no-restricted-globals': [
        'error',
        ...[...domOnly, ...nodeOnly].map(name => ({ name, message: 'core/ is pure: no DOM and no Node globals.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', layerImports(notMain)],
      'no-restricted-globals': [
        'error',
        ...nodeOnly.map(name => ({ name, message: 'renderer/ is DOM only: ask main/ through window.api.' })),
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ may not import the renderer.' }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.{ts,tsx}', 'bench/**/*.ts', '*.config.ts', '.ci/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // page.evaluate callbacks reach the live editor, which has no types in the page.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
