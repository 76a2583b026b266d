import { expect, test } from '@playwright/test';

test('the built station page opens with the Lockstep title and heading', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto('/');

  await expect(page).toHaveTitle('Lockstep');
  await expect(page.getByRole('heading', { level: 1, name: 'Lockstep' })).toBeVisible();
  await expect(page.getByText('Station', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
