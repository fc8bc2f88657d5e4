import { useState } from 'react';
import type { ScoreSettings } from '../../services/settings.service.js';
import { api } from '../api.js';
import { settingLabel } from '../format.js';
import { useAction } from '../use-action.js';
import { useApi } from '../use-api.js';
import { ErrorBanner, Loading } from './status.js';

type Leaf = { key: string; value: number | boolean | null };

/** Every leaf setting of the config as a dotted key, in the config's own order. Pure. */
export function leaves(value: unknown, prefix = ''): Leaf[] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, prefix ? `${prefix}.${k}` : k),
    );
  return [{ key: prefix, value: value as Leaf['value'] }];
}

const GROUPS: { title: string; explain: string; match: (key: string) => boolean }[] = [
  {
    title: 'Keep-in-touch cadences (days)',
    explain: 'How often each kind of relationship should have a real conversation. Empty: no cadence.',
    match: (k) => k.startsWith('cadenceDays.'),
  },
  {
    title: 'Stuck online',
    explain: 'When a relationship counts as stuck on the feed.',
    match: (k) => k.startsWith('stuck.'),
  },
  {
    title: 'Channel weights',
    explain: 'How much each kind of touch counts; only their order matters.',
    match: (k) => k.startsWith('weights.'),
  },
  { title: 'Score', explain: 'Decay, windows and the weight of each term of strength.', match: () => true },
];

function Setting({ leaf, changed, onSaved }: { leaf: Leaf; changed: boolean; onSaved: () => void }) {
  const [text, setText] = useState(leaf.value === null ? '' : String(leaf.value));
  const { error, run } = useAction();
  const id = `setting-${leaf.key.replace(/\./g, '-')}`;
  const save = () => {
    const value =
      typeof leaf.value === 'boolean' ? text === 'true' : text.trim() === '' ? null : Number(text);
    return run(() => api.put('/settings/score', { key: leaf.key, value }), onSaved);
  };
  const reset = () => run(() => api.delete(`/settings/score?key=${encodeURIComponent(leaf.key)}`), onSaved);
  return (
    <div>
      <label htmlFor={id} title={leaf.key}>
        {settingLabel(leaf.key)}
        {changed ? <span className="muted"> (changed)</span> : null}
      </label>
      <div className="actions" style={{ marginTop: 0 }}>
        <input id={id} value={text} onChange={(e) => setText(e.target.value)} size={8} />
        <button type="button" onClick={save}>
          Save
        </button>
        {changed ? (
          <button type="button" onClick={reset}>
            Reset
          </button>
        ) : null}
      </div>
      <ErrorBanner error={error} />
    </div>
  );
}

/** The scoring settings, grouped, each editable and resettable; the server validates every change. */
export function ScoreSettingsForm() {
  const { data, error, loading, reload } = useApi<ScoreSettings>('/settings/score');
  if (loading && !data) return <Loading what="settings" />;
  if (!data) return <ErrorBanner error={error} />;
  const changed = new Set(leaves(data.overrides).map((l) => l.key));
  const all = leaves(data.effective);
  const taken = new Set<string>();
  return (
    <>
      {GROUPS.map((group) => {
        const mine = all.filter((l) => !taken.has(l.key) && group.match(l.key));
        for (const l of mine) taken.add(l.key);
        return (
          <section className="panel" key={group.title} aria-label={group.title}>
            <h2>{group.title}</h2>
            <p className="muted">{group.explain}</p>
            <div className="terms">
              {mine.map((leaf) => (
                <Setting
                  key={`${leaf.key}=${String(leaf.value)}`}
                  leaf={leaf}
                  changed={changed.has(leaf.key)}
                  onSaved={reload}
                />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}
