// The size of an element, kept up to date, for charts drawn at an explicit size.
import { startTransition, useLayoutEffect, useRef, useState } from 'react';

/**
 * A ref for an element and its content size. Size changes render as a transition, so drawing a big
 * chart at its new size yields to input instead of running as one long task (recharts'
 * ResponsiveContainer re-renders synchronously from its ResizeObserver).
 */
export function useBoxSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number } | null] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      startTransition(() => setSize((s) => (s?.width === width && s.height === height ? s : { width, height })));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
