// Functions that run inside the app's pages (passed to page.evaluate / addInitScript): they read the
// DOM and IndexedDB from outside the app's code, which the benchmark must not change.
/* global window, document, indexedDB, requestAnimationFrame, MutationObserver */

/** Init script: records main-thread long tasks (> 50 ms) as [startTime, duration] and the time of the last click. */
export function benchInit() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('click', () => (window.__benchClickAt = performance.now()), true);
}

/** Page time of the last click (recorded by benchInit). */
export function lastClickAt() {
  return window.__benchClickAt ?? null;
}

/** The page's clock: ms since its navigation started. */
export function pageNow() {
  return performance.now();
}

/** Resolves once the service worker is active (it precaches the app), or after `ms`. */
export function serviceWorkerReady(ms) {
  return Promise.race([navigator.serviceWorker?.ready.then(() => true), new Promise((done) => setTimeout(() => done(false), ms))]);
}

/** Long tasks per phase, for phase bounds [t0, t1, …] in page time: [{ count, longest }] for [t0, t1), [t1, t2), … */
export function longTaskPhases(bounds) {
  return bounds.slice(1).map((end, i) => {
    const tasks = (window.__benchLongTasks ?? []).filter(([start]) => start >= bounds[i] && start < end);
    return { count: tasks.length, longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0) };
  });
}

/**
 * Resolves once `probe` (the source of a probe below) returns a value for `arg`, checked whenever
 * the DOM or the URL hash changes, with `at` set to the page time of the next animation frame:
 * the first frame that shows it. `{ error }` resolves at once, and after `timeoutMs`. Polling every
 * frame instead would make the page draw 60 frames a second while the app works, taking CPU from
 * the import on a small machine.
 */
export function watchFor([probeSource, arg, timeoutMs]) {
  const probe = (0, eval)(`(${probeSource})`);
  return new Promise((resolve) => {
    const finish = (v) => {
      observer.disconnect();
      window.removeEventListener('hashchange', check);
      clearTimeout(timer);
      if (v.error) resolve(v);
      else requestAnimationFrame(() => resolve({ ...v, at: performance.now() }));
    };
    const check = () => {
      const v = probe(arg);
      if (v) finish(v);
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    window.addEventListener('hashchange', check);
    const timer = setTimeout(() => finish({ error: `nothing after ${timeoutMs} ms` }), timeoutMs);
    check();
  });
}

/**
 * For watchFor: `{ routeAt }` (page time) once the overview's kpi-events reads non-zero (or
 * `expected`), where routeAt is when the hash first showed `#/d/…` (the app navigates there when the
 * import job ends); `{ error }` when an alert shows.
 */
export function overviewShown(expected) {
  const alert = document.querySelector('[role="alert"]');
  if (alert) return { error: alert.textContent };
  if (window.location.hash.startsWith('#/d/')) window.__benchRouteAt ??= performance.now();
  const text = document.querySelector('[data-testid="kpi-events"]')?.textContent;
  if (!text || text === '0' || (expected && text !== expected)) return false;
  return { routeAt: window.__benchRouteAt };
}

/** For watchFor: the import dialog's preset notice text once it is ready, or `{ error }` when the dialog shows an alert. */
export function dialogReady() {
  const alert = document.querySelector('[role="dialog"] [role="alert"]');
  if (alert) return { error: alert.textContent };
  const preset = document.querySelector('[role="dialog"] [data-testid="preset"]');
  return preset ? { preset: preset.textContent } : false;
}

/** The texts of the eight KPI tiles, by id. */
export function kpiTexts() {
  const out = {};
  for (const el of document.querySelectorAll('[data-testid^="kpi-"]')) out[el.dataset.testid.slice(4)] = el.textContent;
  return out;
}

/** The stored dataset record (raw IndexedDB, database `shoplens`, store `datasets`), trimmed to what the report needs. */
export function datasetRecord(id) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('shoplens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('datasets').objectStore('datasets').get(id);
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        db.close();
        const d = get.result;
        if (!d) return resolve(null);
        const { rowsRead, rowsRejected, reasonCounts, importMs } = d.summary ?? {};
        resolve({ status: d.status, rows: d.rows, bytes: d.bytes, preset: d.preset, mapping: d.mapping, header: d.header, rowsRead, rowsRejected, reasonCounts, importMs });
      };
    };
  });
}
