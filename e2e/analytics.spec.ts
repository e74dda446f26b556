// Behaviour analytics on real data: the rees46 funnel of the expected figures, a cohort table, and a
// segment export whose row count matches the segment's count on screen.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS, expected } from './fixtures';
import { fmtInt, ShopLens } from './pages/shoplens';

test('funnel, retention and segment export on rees46', async ({ page }) => {
  const app = new ShopLens(page);
  const e = expected('rees46-2019-oct-head');
  await app.open();
  await app.importFiles([join(DATASETS, 'rees46-2019-oct-head.csv')]);
  await app.confirmImport();

  await page.getByRole('link', { name: 'Funnels' }).click();
  await page.getByRole('combobox', { name: 'Step 1 event' }).selectOption({ label: 'view' });
  await page.getByRole('combobox', { name: 'Step 2 event' }).selectOption({ label: 'cart' });
  await page.getByRole('combobox', { name: 'Step 3 event' }).selectOption({ label: 'purchase' });
  await page.getByRole('button', { name: 'Amplitude · 1 day' }).click();
  await page.getByRole('combobox', { name: 'Order' }).selectOption('ordered');
  const [s1, s2, s3] = e.funnelViewCartPurchase1d as number[];
  await expect(page.getByTestId('funnel-step-1')).toHaveText(fmtInt(s1 ?? -1));
  await expect(page.getByTestId('funnel-step-2')).toHaveText(fmtInt(s2 ?? -1));
  await expect(page.getByTestId('funnel-step-3')).toHaveText(fmtInt(s3 ?? -1));
  await page.screenshot({ path: 'test-results/funnel-rees46.png', fullPage: true });

  await page.getByRole('link', { name: 'Retention' }).click();
  await page.getByRole('combobox', { name: 'Period' }).selectOption('day');
  await expect(page.getByTestId('retention-table')).toContainText('2019-10-01');
  await expect(page.getByTestId('retention-table').getByRole('row').nth(1)).toContainText(fmtInt(e.users));

  await page.getByRole('link', { name: 'Segments' }).click();
  const count = page.getByTestId('segment-count-Champions');
  await expect(count).not.toHaveText('');
  const shown = Number((await count.textContent())?.replace(/\D/g, ''));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Champions' }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe('user_id,recency_days,frequency,monetary,r,f,m,segment');
  expect(lines.length - 1).toBe(shown);
  expect(shown).toBeGreaterThan(0);
});
