// Recommenders on the demo store: train with progress and cancel, train to the end, reload and find
// the run and its model still there, and see a customer's recommendations with explanations.
import { expect, test } from '@playwright/test';
import { ShopLens } from './pages/shoplens';

test('train, cancel, train again, reload, recommend', async ({ page }) => {
  test.setTimeout(600_000);
  const app = new ShopLens(page);
  await app.openDemo();
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(page.getByText('No model trained on this dataset yet')).toBeVisible({ timeout: 60_000 });
  const train = page.getByRole('button', { name: 'Train and evaluate' });
  // The screen starts from the balanced preset; the quick one keeps this journey short.
  const quick = page.getByRole('group', { name: 'Presets' }).getByRole('button', { name: 'quick' });
  await expect(page.getByRole('group', { name: 'Presets' }).getByRole('button', { name: 'balanced' })).toHaveAttribute('aria-pressed', 'true');
  await quick.click();
  await expect(quick).toHaveAttribute('aria-pressed', 'true');

  await train.click();
  const progress = page.getByTestId('train-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Training .* of 3/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByText('No model trained on this dataset yet')).toBeVisible();

  await train.click();
  await expect(progress).toContainText('GRU4Rec', { timeout: 120_000 });
  await expect(page.getByTestId('loss-curve')).toBeVisible({ timeout: 300_000 });
  await expect(page.getByTestId('results-table')).toBeVisible({ timeout: 540_000 });
  await expect(page.getByTestId('results-table').getByRole('row')).toHaveCount(4);
  // Next-action head: header + model + two baselines, every figure a finite number (or a dash for an absent class).
  const nextAction = page.getByTestId('next-action-table');
  await expect(nextAction.getByRole('row')).toHaveCount(4);
  for (const row of await nextAction.locator('tbody tr').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells).toHaveLength(8);
    for (const cell of cells.slice(1, 4)) expect(Number.isFinite(Number(cell))).toBe(true);
    for (const cell of cells.slice(4)) expect(cell).toMatch(/^(\d+(\.\d)?%|—)$/);
  }
  await expect(page.getByTestId('next-action-verdict')).toContainText(/The model (beats|does not beat) the last-event-type baseline on log loss/);
  await page.screenshot({ path: 'test-results/models.png', fullPage: true });

  await page.reload();
  await expect(page.getByTestId('results-table').getByRole('row')).toHaveCount(4, { timeout: 60_000 });

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('searchbox', { name: 'User id' }).fill('u000123');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('recommendation')).toHaveCount(10, { timeout: 120_000 });
  await expect(page.getByTestId('explanation').first()).not.toBeEmpty();
  await expect(page.getByTestId('next-action')).toContainText(/view \d+%.*cart \d+%.*purchase \d+%.*exit \d+%/);
  await page.screenshot({ path: 'test-results/recommendations.png', fullPage: true });
});
