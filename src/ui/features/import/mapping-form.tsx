// The mapping screen: a preview of the file, a picker per canonical column and a table mapping the
// source's event names onto canonical types.
import { CANONICAL_TYPES, FIELDS, FIELD_LABELS, type Field } from '../../../lib/canonical';
import type { Mapping } from '../../../ingest/types';
import type { InspectResult } from '../../../workers/protocol';

interface Props {
  inspected: InspectResult;
  mapping: Mapping;
  onChange(m: Mapping): void;
}

/** Editable column mapping with the file preview. */
export function MappingForm({ inspected, mapping, onChange }: Props) {
  const { info, kinds, distinct, timeFormats } = inspected;
  const setColumn = (field: Field, value: string) => {
    const columns = without(mapping.columns, field);
    if (value !== '') columns[field] = Number(value);
    const timeFormat = field === 'time' && value !== '' ? (timeFormats[Number(value)] ?? mapping.timeFormat) : mapping.timeFormat;
    onChange({ ...mapping, columns, timeFormat });
  };
  const typeCol = mapping.columns.type;
  const names = typeCol === undefined ? [] : (distinct[typeCol] ?? []).filter((v) => v !== '');
  const setType = (name: string, to: string) => {
    const typeMap = without(mapping.typeMap, name.toLowerCase()) as Record<string, string>;
    if (to !== '') typeMap[name.toLowerCase()] = to;
    onChange({ ...mapping, typeMap });
  };
  return (
    <div className="stack">
      <section>
        <h3>Columns</h3>
        <div className="field-grid">
          {FIELDS.map((f) => (
            <label key={f}>
              <span>{FIELD_LABELS[f]}{f === 'time' && ' *'}</span>
              <select aria-label={`${FIELD_LABELS[f]} column`} value={mapping.columns[f] ?? ''} onChange={(e) => setColumn(f, e.target.value)}>
                <option value="">— none —</option>
                {info.header.map((h, i) => <option key={i} value={i}>{h}</option>)}
              </select>
            </label>
          ))}
        </div>
        {mapping.columns.type === undefined && (
          <label className="row" style={{ marginTop: '0.6rem' }}>
            <span>Without an event-type column, every row is a</span>
            <select aria-label="Default event type" value={mapping.defaultType} onChange={(e) => onChange({ ...mapping, defaultType: e.target.value as Mapping['defaultType'] })}>
              {CANONICAL_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
        )}
      </section>
      {names.length > 0 && (
        <section>
          <h3>Event names</h3>
          <table style={{ width: 'auto' }}>
            <thead><tr><th>In your file</th><th>Counts as</th></tr></thead>
            <tbody>
              {names.map((n) => (
                <tr key={n}>
                  <td><code>{n}</code></td>
                  <td>
                    <select aria-label={`Event type for ${n}`} value={mapping.typeMap[n.toLowerCase()] ?? ''} onChange={(e) => setType(n, e.target.value)}>
                      <option value="">keep as “{n}”</option>
                      {CANONICAL_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h3>Preview <span className="muted">(first {info.preview.length} rows)</span></h3>
        <div className="scroll">
          <table>
            <thead>
              <tr>{info.header.map((h, i) => <th key={i}>{h}<br /><span className="badge">{kinds[i]}</span></th>)}</tr>
            </thead>
            <tbody>
              {info.preview.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** A copy of `obj` without `key`. */
function without<K extends string, V>(obj: Partial<Record<K, V>>, key: K): Partial<Record<K, V>> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key)) as Partial<Record<K, V>>;
}
