// Heap of a page's dedicated workers, measured from outside through the Chrome DevTools Protocol.
// Playwright's CDPSession cannot address flattened child sessions, so the page session auto-attaches
// to its workers in the classic (non-flat) mode and talks to them via Target.sendMessageToTarget.

/** Sampling period of Runtime.getHeapUsage, in ms. */
const HEAP_SAMPLE_MS = 50;

/** A worker that does not answer within this many ms is skipped for that sample. */
const CALL_TIMEOUT_MS = 2000;

const MB = 2 ** 20;

/**
 * Attaches to every dedicated worker of `page` whose script URL contains `urlPart` (call it before
 * the page navigates, so workers started by the navigation are caught). `sessions()` lists the
 * attached worker sessions, `call(sessionId, method, params)` sends one CDP command to a worker and
 * resolves to its result (null when the worker is gone or silent), `detach()` ends the CDP session.
 */
export async function attachWorkers(page, urlPart) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Set();
  const pending = new Map();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker' && targetInfo.url.includes(urlPart)) workers.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    pending.get(m.id)?.(m);
  });
  const call = (sessionId, method, params = {}, timeoutMs = CALL_TIMEOUT_MS) =>
    new Promise((resolve) => {
      const id = ++nextId;
      const done = (result) => {
        pending.delete(id);
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      pending.set(id, (m) => done(m.result ?? null));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => done(null));
    });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return { sessions: () => [...workers], call, detach: () => cdp.detach().catch(() => {}) };
}

/**
 * Starts sampling every worker of `page` whose script URL contains `urlPart` (call it before the
 * page navigates, so workers started by the navigation are caught). `stop()` resolves to the peaks
 * in MB: `usedMB` (V8 heap in use), `backingMB` (ArrayBuffer backing stores, outside the V8 heap)
 * and `totalMB` (the largest sum of both in one sample), plus the sample count.
 */
export async function sampleWorkerHeap(page, urlPart) {
  const workers = await attachWorkers(page, urlPart);
  const peak = { usedMB: 0, backingMB: 0, totalMB: 0, samples: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const results = await Promise.all(workers.sessions().map((s) => workers.call(s, 'Runtime.getHeapUsage')));
      for (const r of results) {
        if (!r) continue;
        const backing = r.backingStorageSize ?? 0;
        peak.usedMB = Math.max(peak.usedMB, r.usedSize / MB);
        peak.backingMB = Math.max(peak.backingMB, backing / MB);
        peak.totalMB = Math.max(peak.totalMB, (r.usedSize + backing) / MB);
        peak.samples++;
      }
      await new Promise((done) => setTimeout(done, HEAP_SAMPLE_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await workers.detach();
      return peak;
    },
  };
}
