// Screens that need the dataset's metadata (types, span, dimensions) before they can offer a form.
import type { ReactNode } from 'react';
import { useMeta, type DatasetMeta } from '../../state/analysis';

/** Renders `children(meta)` once dataset `id`'s metadata has loaded; a loading or error state until then. */
export function WithMeta({ id, children }: { id: string; children: (meta: DatasetMeta) => ReactNode }) {
  const meta = useMeta(id);
  if (meta.status === 'error') return <div className="notice bad" role="alert">{meta.message}</div>;
  if (!meta.data) return <div className="panel empty" role="status">Loading the dataset…</div>;
  return children(meta.data);
}
