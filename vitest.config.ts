import { defineConfig } from 'vitest/config';

// Unit and integration tests. Tests import describe/it/expect from 'vitest' (no globals).
// End-to-end tests under test/e2e run in Playwright instead.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    environment: 'node',
    // The JSON report feeds the closing summary line that .ci/run prints.
    reporters: ['default', ['json', { outputFile: '.artifacts/reports/vitest.json' }]],
  },
});
