// Harness pages of the benchmarks (scripts/bench/<name>/: index.html, harness.ts, vite.config.mjs):
// each is a separate Vite build that calls the app's compute worker through its own client, served on
// the app's origin (so it sees the app's IndexedDB) and opened past the app's service worker.
import { resolve } from 'node:path';
import { buildIfStale, ensureBuild, snapshotDist } from './prepare.mjs';
import { startServer } from './server.mjs';
import { attachWorkers } from './worker-heap.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

/** Longest wait for any one harness phase that Playwright times (long imports and trainings on two cores). */
const PHASE_TIMEOUT_MS = 30 * 60_000;

/** URL prefix the server mounts harness `name` on. */
const harnessPrefix = (name) => `/_bench/${name}/`;

/**
 * Builds harness `name` into .bench/harness-dist/<name> when that is older than src/,
 * package-lock.json, its folder, the shared config or scripts/vite (a few seconds; redone even under --no-build,
 * which is about the app's build only); returns buildIfStale's { built, stale }.
 */
function buildHarness(name, log) {
  const inputs = ['src', 'package-lock.json', `scripts/bench/${name}`, 'scripts/bench/harness-vite.mjs', 'scripts/vite'];
  const command = ['npx', 'vite', 'build', '--config', `scripts/bench/${name}/vite.config.mjs`];
  return buildIfStale(`.bench/harness-dist/${name}/index.html`, inputs, command, true, log);
}

/**
 * Prepares the app's build (`ensureBuild(allowAppBuild)`) and harness `name`, serves copies of both
 * (so a rebuild by someone else during the runs cannot pull files away) from one loopback origin, and
 * resolves to { build: { app, harness }, result: await body(origin) }; the server and copies go after.
 */
export async function withHarnessServer(name, allowAppBuild, log, body) {
  const build = { app: ensureBuild(allowAppBuild, log), harness: buildHarness(name, log) };
  const app = snapshotDist();
  const harness = snapshotDist(resolve(ROOT, '.bench/harness-dist', name));
  const server = await startServer(app.dir, [[harnessPrefix(name), harness.dir]]);
  try {
    return { build, result: await body(server.origin) };
  } finally {
    await server.close();
    app.remove();
    harness.remove();
  }
}

/**
 * Opens harness `name` with `query` (e.g. `?id=…`) in a new page of `context`, bypassing the app's
 * service worker (it answers every navigation in its scope with the app's index.html), and waits for
 * the harness to define `globalThis[globalName]`. With `workerUrl`, attaches to the page's workers
 * whose script URL contains it first (worker-heap.mjs). Resolves to { page, workers } (workers: null without).
 */
export async function openHarness(context, name, query, globalName, log, workerUrl) {
  const page = await context.newPage();
  page.setDefaultTimeout(PHASE_TIMEOUT_MS);
  page.on('pageerror', (e) => log(`harness page error: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  const workers = workerUrl ? await attachWorkers(page, workerUrl) : null;
  await page.goto(`${harnessPrefix(name)}${query}`);
  const started = await page.waitForFunction((g) => g in globalThis, globalName, { timeout: 30_000 }).then(() => true, () => false);
  if (!started) throw new Error(`the ${name} harness did not start at ${page.url()} (page title "${await page.title()}")`);
  return { page, workers };
}
