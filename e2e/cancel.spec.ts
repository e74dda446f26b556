// Interrupted imports never leave data behind: Cancel removes the partial dataset at once, and a
// reload mid-import has it removed at the next start.
import { expect, test, type Page } from '@playwright/test';
import { longOnlineRetailCsv } from './fixtures';
import { ShopLens } from './pages/shoplens';

/** Number of stored chunk records, read straight from IndexedDB. */
function chunkCount(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve, reject) => {
    const req = indexedDB.open('shoplens');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const count = db.transaction('chunks').objectStore('chunks').count();
      count.onsuccess = () => {
        resolve(count.result);
        db.close();
      };
    };
  }));
}

async function startBigImport(app: ShopLens) {
  await app.open();
  await app.importFiles([longOnlineRetailCsv()]);
  await app.page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  // Past the first 65,536-row chunk, so there is something stored to clean up.
  await expect.poll(async () => Number((await app.page.getByTestId('import-rows').textContent())?.replace(/\D/g, '')), { timeout: 60_000 }).toBeGreaterThan(70_000);
  await expect.poll(() => chunkCount(app.page)).toBeGreaterThan(0);
  // Still importing: the test acts mid-import.
  await expect(app.page.getByTestId('import-rows')).toBeVisible();
}

test('Cancel stops the import and stores nothing', async ({ page }) => {
  const app = new ShopLens(page);
  await startBigImport(app);
  await page.screenshot({ path: 'test-results/import-progress.png' });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog', { name: 'Import' })).toBeHidden();
  await expect(page.getByText('No datasets yet')).toBeVisible();
  await expect.poll(() => chunkCount(page)).toBe(0);
});

test('a reload mid-import leaves no partial dataset after the next start', async ({ page }) => {
  const app = new ShopLens(page);
  await startBigImport(app);
  await page.reload();
  await expect(page.getByText('No datasets yet')).toBeVisible();
  await expect.poll(() => chunkCount(page)).toBe(0);
});
