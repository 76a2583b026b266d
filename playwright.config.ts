import { resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// End-to-end tests in Debian's Chromium (never a downloaded browser build), against the
// built renderer in dist/renderer served by `vite preview` (the demo plant), and, for the sync
// tests, served by the real central server with its own SQLite database.
const isCI = Boolean(process.env['CI']);
// Overridable so that two checkouts on one machine can run their end-to-end tests side by side.
const port = Number(process.env['E2E_PORT'] ?? 4173);
const baseURL = `http://127.0.0.1:${String(port)}`;
const syncPort = Number(process.env['E2E_SYNC_PORT'] ?? 4651);
const syncURL = `http://127.0.0.1:${String(syncPort)}`;
// A fresh database each time: the sync tests pick runs nobody has touched yet.
const syncData = process.env['E2E_SYNC_DATA'] ?? '.artifacts/e2e-sync-data';
const rendererDist = resolve(process.env['RENDERER_OUT'] ?? 'dist/renderer');
const chromium = {
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
};
const syncSpec = /sync\.spec\.ts$/;

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
    { name: 'chromium', use: chromium, testIgnore: syncSpec },
    { name: 'sync', use: { ...chromium, baseURL: syncURL }, testMatch: syncSpec },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${String(port)} --strictPort --outDir ${rendererDist}`,
      url: baseURL,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      command: `rm -rf ${syncData} && npx tsx server/main.ts --port ${String(syncPort)} --data ${syncData} --station ${rendererDist} --quiet`,
      url: `${syncURL}/v1/health`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
  ],
});
