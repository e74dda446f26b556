// Web Locks mark work in progress across tabs and workers, so start-up cleanup never deletes an
// import that another tab is still writing.

/** Lock name held for the whole of one import. */
export function importLockName(datasetId: string): string {
  return `shoplens-import:${datasetId}`;
}

/** Runs `fn` while holding the named lock (plain call where Web Locks are missing, e.g. Node tests). */
export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return fn();
  return locks.request(name, fn) as Promise<T>;
}
