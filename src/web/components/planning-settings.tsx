import { useState } from 'react';
import type { PlanningSettings } from '../../services/planning-settings.service.js';
import { api } from '../api.js';
import { useAction } from '../use-action.js';
import { useApi } from '../use-api.js';
import { ErrorBanner, Loading } from './status.js';

const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface Field {
  key: string;
  label: string;
  hint: string;
  show: (c: PlanningSettings['effective']) => string;
}

const FIELDS: Field[] = [
  { key: 'timeZone', label: 'Time zone', hint: 'e.g. Europe/Berlin', show: (c) => c.timeZone },
  {
    key: 'workingDays',
    label: 'Working days',
    hint: 'e.g. mon-fri, or mon,tue,thu',
    show: (c) => c.workingDays.map((d) => DAY_NAMES[d]).join(', '),
  },
  { key: 'workStart', label: 'Day starts', hint: 'HH:MM', show: (c) => c.workStart },
  { key: 'workEnd', label: 'Day ends', hint: 'HH:MM', show: (c) => c.workEnd },
  {
    key: 'holidays',
    label: 'Days off',
    hint: 'dates, e.g. 2026-12-24,2026-12-25; none',
    show: (c) => c.holidays.join(', '),
  },
  {
    key: 'bufferMinutes',
    label: 'Buffer around meetings (minutes)',
    hint: '',
    show: (c) => String(c.bufferMinutes),
  },
  {
    key: 'travelMinutes',
    label: 'Travel each way, in person (minutes)',
    hint: '',
    show: (c) => String(c.travelMinutes),
  },
  {
    key: 'noticeHours',
    label: 'Earliest slot from now (hours)',
    hint: '',
    show: (c) => String(c.noticeHours),
  },
  { key: 'withinDays', label: 'Look ahead (days)', hint: '', show: (c) => String(c.withinDays) },
  { key: 'yourName', label: 'Your name', hint: 'signs drafts', show: (c) => c.yourName ?? '' },
  { key: 'yourEmail', label: 'Your email', hint: 'the organizer of invites', show: (c) => c.yourEmail ?? '' },
  {
    key: 'videoLink',
    label: 'Your video link',
    hint: 'Meet, Zoom or Teams room',
    show: (c) => c.videoLink ?? '',
  },
  { key: 'coffeePlace', label: 'Your coffee place', hint: '', show: (c) => c.coffeePlace ?? '' },
];

function PlanningField({
  field,
  value,
  changed,
  onSaved,
}: {
  field: Field;
  value: string;
  changed: boolean;
  onSaved: () => void;
}) {
  const [text, setText] = useState(value);
  const { error, run } = useAction();
  const id = `planning-${field.key}`;
  return (
    <div>
      <label htmlFor={id}>
        {field.label}
        {changed ? <span className="muted"> (changed)</span> : null}
      </label>
      <div className="actions" style={{ marginTop: 0 }}>
        <input id={id} value={text} placeholder={field.hint} onChange={(e) => setText(e.target.value)} />
        <button
          type="button"
          onClick={() =>
            run(
              () => api.put('/settings/planning', { key: field.key, value: text.trim() || 'none' }),
              onSaved,
            )
          }
        >
          Save
        </button>
        {changed ? (
          <button
            type="button"
            onClick={() =>
              run(() => api.delete(`/settings/planning?key=${encodeURIComponent(field.key)}`), onSaved)
            }
          >
            Reset
          </button>
        ) : null}
      </div>
      <ErrorBanner error={error} />
    </div>
  );
}

/** Working hours, time zone, days off and the rest of what slots and invites are made from. */
export function PlanningSettingsForm() {
  const { data, error, loading, reload } = useApi<PlanningSettings>('/settings/planning');
  if (loading && !data) return <Loading what="planning settings" />;
  if (!data) return <ErrorBanner error={error} />;
  const overrides = data.overrides as Record<string, unknown>;
  return (
    <section className="panel" aria-labelledby="planning">
      <h2 id="planning">Planning</h2>
      <p className="muted">
        Free slots come from these hours, never on days off, clear of your imported calendars.
      </p>
      <div className="terms">
        {FIELDS.map((f) => {
          const value = f.show(data.effective);
          return (
            <PlanningField
              key={`${f.key}=${value}`}
              field={f}
              value={value}
              changed={f.key in overrides}
              onSaved={reload}
            />
          );
        })}
      </div>
    </section>
  );
}
