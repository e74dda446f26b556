// A box that draws its chart at the box's measured size.
import { startTransition, useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

/** Width and height in CSS pixels. */
export interface BoxSize {
  width: number;
  height: number;
}

interface Props extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** Draws the chart at the given size (recharts charts take `width` and `height`). */
  children(size: BoxSize): ReactNode;
}

/**
 * Stands in for recharts' ResponsiveContainer, which re-renders its chart synchronously from a
 * ResizeObserver: drawing a big chart that way was one 60-80 ms task. Here size changes render as
 * a transition, which yields to input, and the chart is drawn once the box has a size.
 */
export function ChartBox({ children, ...div }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize | null>(null);
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
  return <div ref={ref} {...div}>{size && size.width > 0 && size.height > 0 && children(size)}</div>;
}
