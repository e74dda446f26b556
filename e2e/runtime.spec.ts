// The model runtime on every backend this machine offers (GPUs through SwiftShader here): it switches,
// reports its adapter, and the embedding-gradient and segment-sum kernels pass their checks on each.
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { ShopLens } from './pages/shoplens';

test.use({ launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'], headless: true } });

test('switch backends and run the kernel checks on each', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new ShopLens(page);
  await app.openDemo();
  await page.getByRole('link', { name: 'Forecast' }).click();
  const backend = page.getByTestId('runtime-backend');
  await expect(backend).toHaveText('WASM', { timeout: 60_000 });
  const picker = page.getByRole('combobox', { name: 'Switch backend' });
  const offered = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(expect.arrayContaining(['wasm', 'cpu', 'webgl']));
  for (const name of ['cpu', 'webgl', 'webgpu', 'wasm'].filter((n) => offered.includes(n))) {
    await picker.selectOption(name);
    await expect(page.getByTestId('runtime-selftest')).toBeHidden();
    await expect(backend).toHaveText(name.toUpperCase(), { timeout: 60_000 });
    await page.getByRole('button', { name: 'Speed check' }).click();
    await expect(page.getByTestId('runtime-selftest')).toContainText('kernels OK', { timeout: 120_000 });
    console.log(name, await page.getByTestId('runtime-panel').textContent());
  }
});
