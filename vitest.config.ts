import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/unit/**/*.test.tsx',
      'test/security/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'test/e2e/renderer/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    // Only with --coverage (npm run test:coverage): V8 coverage of the three layers into .tmp/coverage.
    coverage: {
      provider: 'v8',
      include: ['core/**', 'main/**', 'renderer/**'],
      reportsDirectory: '.tmp/coverage',
      reporter: ['text-summary', 'html'],
    },
  },
})
