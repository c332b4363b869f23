import { defineConfig } from 'vitest/config'

// Only for the Electron suite (run by run.mjs where an Electron binary exists): one app at a time.
export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['test/e2e/electron/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    retry: 1,
  },
})
