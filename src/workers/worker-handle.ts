// A lazily started comlink worker whose calls can be cancelled: cancelling terminates the worker,
// and the next call starts a fresh one (ARCHITECTURE.md §2).
import { wrap, type Remote } from 'comlink';

/** A cancellable handle on one worker. */
export interface WorkerHandle<T> {
  call<R>(fn: (api: Remote<T>) => Promise<R>, signal?: AbortSignal): Promise<R>;
  terminate(): void;
}

/** The error a cancelled call rejects with. */
export function abortError(): DOMException {
  return new DOMException('The operation was cancelled.', 'AbortError');
}

/** Creates a handle; `create` must be the literal `new Worker(new URL(...), { type: 'module' })`. */
export function workerHandle<T>(create: () => Worker): WorkerHandle<T> {
  let worker: Worker | null = null;
  let api: Remote<T> | null = null;
  const terminate = () => {
    worker?.terminate();
    worker = null;
    api = null;
  };
  return {
    terminate,
    call<R>(fn: (api: Remote<T>) => Promise<R>, signal?: AbortSignal): Promise<R> {
      if (signal?.aborted) return Promise.reject(abortError());
      if (!api) {
        worker = create();
        api = wrap<T>(worker);
      }
      const remote = api;
      return new Promise<R>((resolve, reject) => {
        const onAbort = () => {
          terminate();
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        fn(remote).then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
      });
    },
  };
}
