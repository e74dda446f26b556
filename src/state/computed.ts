// A query to the compute worker as React state. Stale answers are dropped rather than cancelled,
// since cancelling would terminate the worker and unload the dataset.
import { startTransition, useEffect, useState } from 'react';

/** Loading (with the previous answer, if any), loaded or failed. */
export type Computed<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; message: string };

type Answer<T> = { key: string; ok: true; data: T } | { key: string; ok: false; message: string };

/** Runs `run` whenever `key` changes (null: nothing to run) and returns its state. */
export function useComputed<T>(key: string | null, run: () => Promise<T>): Computed<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    // A transition lets React render a large answer (charts, tables) in slices that yield to input,
    // instead of one long main-thread task.
    const settle = (a: Answer<T>) => live && startTransition(() => setAnswer(a));
    run().then(
      (data) => settle({ key, ok: true, data }),
      (e: Error) => settle({ key, ok: false, message: e.message }),
    );
    return () => {
      live = false;
    };
    // `run` is a fresh closure each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (answer && answer.key === key) return answer.ok ? { status: 'ready', data: answer.data } : { status: 'error', message: answer.message };
  return { status: 'loading', data: answer?.ok ? answer.data : null };
}
