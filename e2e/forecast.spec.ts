// Forecasting the demo store: chart with bands, the model table, switching models, and the
// "what changed" note on the second forecast of the same question.
import { expect, test } from '@playwright/test';
import { ShopLens } from './pages/shoplens';

test('forecast the demo store revenue and switch the model', async ({ page }) => {
  const app = new ShopLens(page);
  await app.openDemo();
  await page.getByRole('link', { name: 'Forecast' }).click();
  const table = page.getByTestId('model-table');
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(table.getByRole('row')).toHaveCount(5); // header + naive, Holt–Winters, Theta, ensemble
  await expect(page.getByTestId('forecast-chart').locator('.recharts-area')).toHaveCount(2); // 80% and 95% bands
  await expect(page.getByText('This is the first forecast of this question')).toBeVisible();
  // Without a GPU the runtime picks WASM, not a software-rendered GPU.
  await expect(page.getByTestId('runtime-backend')).toHaveText('WASM', { timeout: 60_000 });

  const summary = page.getByTestId('forecast-summary');
  const before = await summary.textContent();
  // Switch to a model other than the default (the best on the backtest, whichever that is).
  const other = page.locator('input[type="radio"][aria-label^="Show "]:not(:checked)').first();
  const label = (await other.getAttribute('aria-label'))?.replace(/^Show /, '') ?? '';
  await other.check();
  await expect(summary).toContainText(`${label}:`);
  expect(await summary.textContent()).not.toBe(before);
  await page.screenshot({ path: 'test-results/forecast.png', fullPage: true });

  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByTestId('what-changed')).toContainText('Since the forecast of');
});
