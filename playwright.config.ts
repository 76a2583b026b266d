import { defineConfig, devices } from '@playwright/test';

// End-to-end tests in Debian's Chromium (never a downloaded browser build), against the
// built renderer in dist/renderer served by `vite preview`.
const isCI = Boolean(process.env['CI']);
const port = 4173;
const baseURL = `http://127.0.0.1:${String(port)}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : undefined,
  // The JSON report feeds the closing summary line that .ci/run prints.
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: '.artifacts/reports/playwright.json' }],
  ],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${String(port)} --strictPort`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
  },
});
