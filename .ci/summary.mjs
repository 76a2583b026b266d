// Prints one closing line for the whole suite, "N passed, N failed", from the JSON reports that
// vitest and Playwright wrote in this run, so CI can read the count whatever the runners print.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const vitest = read('.artifacts/reports/vitest.json');
const playwright = read('.artifacts/reports/playwright.json');

const parts = [];
if (vitest) parts.push({ name: 'vitest', passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + vitest.numTodoTests });
if (playwright) {
  const s = playwright.stats;
  parts.push({ name: 'playwright', passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped });
}
for (const p of parts) console.log(`${p.name}: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
const sum = (key) => parts.reduce((n, p) => n + p[key], 0);
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
