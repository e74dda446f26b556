// Retention controls: cohort definition, period, return event, counting mode, columns.
import type { DatasetMeta, RetentionQuery } from '../../../state/analysis';

/** Columns shown by default per period kind. */
export const DEFAULT_PERIODS: Record<RetentionQuery['period'], number> = { day: 15, week: 12, month: 12 };

/** Controls of the retention table. */
export function RetentionForm({ meta, q, onChange }: { meta: DatasetMeta; q: RetentionQuery; onChange(q: RetentionQuery): void }) {
  return (
    <div className="form-row">
      <label>Cohort by
        <select aria-label="Cohort by" value={q.cohortBy} onChange={(e) => onChange({ ...q, cohortBy: e.target.value as RetentionQuery['cohortBy'] })}>
          <option value="first-activity">first activity</option>
          <option value="first-purchase">first purchase</option>
        </select>
      </label>
      <label>Period
        <select aria-label="Period" value={q.period} onChange={(e) => {
          const period = e.target.value as RetentionQuery['period'];
          onChange({ ...q, period, maxPeriods: DEFAULT_PERIODS[period] });
        }}>
          <option value="day">day</option><option value="week">week (Mon–Sun)</option><option value="month">month</option>
        </select>
      </label>
      <label>Returning means
        <select aria-label="Return event" value={q.returnType ?? ''} onChange={(e) => onChange({ ...q, returnType: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">any event</option>
          {meta.types.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
        </select>
      </label>
      <label>Count users
        <select aria-label="Mode" value={q.mode} onChange={(e) => onChange({ ...q, mode: e.target.value as RetentionQuery['mode'] })}>
          <option value="on">on period N</option>
          <option value="on-or-after">on or after period N (unbounded)</option>
        </select>
      </label>
      <label>Columns
        <input type="number" min={2} max={60} style={{ width: '5rem' }} aria-label="Columns" value={q.maxPeriods} onChange={(e) => onChange({ ...q, maxPeriods: Math.min(60, Math.max(2, Number(e.target.value) || 2)) })} />
      </label>
    </div>
  );
}
