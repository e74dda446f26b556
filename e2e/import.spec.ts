// The foundation journeys on the production build: import real exports, check the figures against
// independently computed ones, survive bad input, reloads and going offline.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { corruptFile, DATASETS, expected, onlineRetailCsv } from './fixtures';
import { fmtInt, fmtMoney, ShopLens } from './pages/shoplens';

test('online-retail: import, exact KPIs, reload, then offline', async ({ page, context }) => {
  const app = new ShopLens(page);
  const e = expected('online-retail');
  await app.open();
  await app.importFiles([onlineRetailCsv()]);
  await expect(page.getByTestId('preset')).toHaveText(/Online Retail/);
  await app.confirmImport();
  await expect(app.kpi('events')).toHaveText(fmtInt(e.events));
  await expect(app.kpi('users')).toHaveText(fmtInt(e.users));
  await expect(app.kpi('orders')).toHaveText(fmtInt(e.orders));
  await expect(app.kpi('revenue')).toHaveText(fmtMoney(e.netRevenue));
  await expect(app.kpi('items')).toHaveText(fmtInt(e.items));
  await page.screenshot({ path: 'test-results/overview-online-retail.png', fullPage: true });

  // Drag the brush's right handle to the far left: every tile follows the chosen days.
  const handle = page.locator('.recharts-brush-traveller').nth(1);
  const box = await handle.boundingBox();
  if (!box) throw new Error('brush handle not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 2000, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('range-label')).toHaveText(/^2010-12-01 – 2010-12-0[1-6] \(UTC\)$/);
  const lastDay = (await page.getByTestId('range-label').textContent())?.slice(13, 23) ?? '';
  const revenue = Object.entries(e.dailyNetRevenueFirst5 as Record<string, number>).filter(([d]) => d <= lastDay).reduce((s, [, v]) => s + v, 0);
  await expect(app.kpi('revenue')).toHaveText(fmtMoney(revenue));
  await page.getByRole('button', { name: 'Show all days' }).click();
  await expect(app.kpi('revenue')).toHaveText(fmtMoney(e.netRevenue));

  await page.reload();
  await expect(app.kpi('events')).toHaveText(fmtInt(e.events));

  // Offline: the service worker serves the app shell and workers; IndexedDB still holds the data.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(app.kpi('revenue')).toHaveText(fmtMoney(e.netRevenue));
  await app.open('#/');
  await expect(app.datasetRows()).toHaveCount(1);
  await context.setOffline(false);
});

test('rees46 figures, then a corrupt file leaves the dataset intact', async ({ page }) => {
  const app = new ShopLens(page);
  const e = expected('rees46-2019-oct-head');
  await app.open();
  // The ingest worker starts with the page, before any file is chosen.
  await expect.poll(() => page.workers().some((w) => w.url().includes('ingest.worker'))).toBe(true);
  await app.importFiles([join(DATASETS, 'rees46-2019-oct-head.csv')]);
  await expect(page.getByTestId('preset')).toHaveText(/REES46/);
  await page.screenshot({ path: 'test-results/import-mapping.png', fullPage: true });
  await app.confirmImport();
  await expect(app.kpi('events')).toHaveText(fmtInt(e.events));
  await expect(app.kpi('users')).toHaveText(fmtInt(e.users));
  await expect(app.kpi('sessions')).toHaveText(fmtInt(e.sessions));
  await expect(app.kpi('items')).toHaveText(fmtInt(e.items));
  await expect(app.kpi('revenue')).toHaveText(fmtMoney(e.netRevenue));

  await app.importFiles([corruptFile()]);
  await expect(page.getByRole('alert')).toContainText('orders-corrupt.csv');
  await expect(page.getByRole('alert')).toContainText('PNG');
  await page.screenshot({ path: 'test-results/import-error.png' });
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(app.kpi('events')).toHaveText(fmtInt(e.events));

  // The same file again: once it is hashed, the dialog says where it is stored and offers nothing new.
  await app.importFiles([join(DATASETS, 'rees46-2019-oct-head.csv')]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toContainText('rees46-2019-oct-head.csv is already stored in “rees46-2019-oct-head”');
  await expect(dialog.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/import-duplicate.png' });
  await dialog.getByRole('checkbox', { name: 'Skip files already imported' }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.reload();
  await expect(app.kpi('users')).toHaveText(fmtInt(e.users));
});

test('the demo link opens the generated demo store', async ({ page }) => {
  const app = new ShopLens(page);
  await app.open('#/demo');
  await expect(page.getByTestId('dataset-name')).toHaveText('Demo store', { timeout: 120_000 });
  await expect(app.kpi('events')).not.toHaveText('0');
  await expect(page.getByTestId('daily-chart')).toBeVisible();
  await page.screenshot({ path: 'test-results/overview-demo.png', fullPage: true });
  await app.open('#/');
  await expect(app.datasetRows()).toHaveCount(1);
  await page.screenshot({ path: 'test-results/home.png', fullPage: true });

  await page.getByRole('button', { name: 'Rename Demo store' }).click();
  const input = page.getByRole('textbox', { name: 'Dataset name' });
  await input.fill('Sales demo');
  await input.press('Enter');
  await expect(page.getByRole('link', { name: 'Sales demo' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Switch dataset' }).selectOption({ label: 'Sales demo' });
  await expect(page.getByTestId('dataset-name')).toHaveText('Sales demo');
  await app.open('#/');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Delete Sales demo' }).click();
  await expect(page.getByText('No datasets yet')).toBeVisible();
});
