// Page model of ShopLens for the e2e specs: user-level actions, role and test-id locators only.
import { expect, type Page } from '@playwright/test';

/** Actions and reads on the ShopLens UI. */
export class ShopLens {
  constructor(readonly page: Page) {}

  async open(hash = '#/') {
    await this.page.goto(`/${hash}`);
  }

  /** Opens the demo store link and waits for its overview (the store is generated on first open). */
  async openDemo() {
    await this.open('#/demo');
    await expect(this.kpi('events')).toBeVisible({ timeout: 120_000 });
  }

  /** Imports files through the system file chooser and confirms the proposed mapping. */
  async importFiles(paths: string[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import data' }).click();
    await (await chooser).setFiles(paths);
  }

  /** Confirms the mapping dialog and waits for the overview of the new dataset. */
  async confirmImport() {
    const dialog = this.page.getByRole('dialog', { name: 'Import' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 120_000 });
    await expect(this.page.getByTestId('kpi-events')).toBeVisible();
  }

  kpi(name: 'events' | 'users' | 'sessions' | 'items' | 'orders' | 'revenue' | 'aov' | 'conversion') {
    return this.page.getByTestId(`kpi-${name}`);
  }

  datasetRows() {
    return this.page.getByTestId('dataset-row');
  }
}

/** 541909 → "541,909"; money to the cent. */
export const fmtInt = (n: number) => n.toLocaleString('en-US');
export const fmtMoney = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
