import { type FormEvent, useState } from 'react';
import type { MergeView, SuggestionView } from '../../services/merge.service.js';
import type { PersonDetail } from '../../services/person.service.js';
import type { PlanView } from '../../services/plan-view.js';
import { api } from '../api.js';
import { BalanceBar, FlagTags } from '../components/balance-bar.js';
import { LogForm } from '../components/log-form.js';
import { ErrorBanner, Loading } from '../components/status.js';
import { ago, CHANNEL_LABELS, day, isOffline, networkName, percent, STEP_LABELS } from '../format.js';
import { Link, navigate } from '../router.js';
import { useAction } from '../use-action.js';
import { useApi } from '../use-api.js';

const TERMS: { key: 'intensity' | 'reciprocity' | 'tenure' | 'structure'; label: string; explain: string }[] =
  [
    {
      key: 'intensity',
      label: 'Intensity',
      explain: 'how much you interact lately, deeper channels weighing more',
    },
    { key: 'reciprocity', label: 'Reciprocity', explain: 'whether it goes both ways' },
    { key: 'tenure', label: 'Tenure', explain: 'how long you have known each other' },
    { key: 'structure', label: 'Structure', explain: 'people and companies you share' },
  ];

const TYPES = ['client', 'prospect', 'partner', 'colleague', 'friend', 'other'] as const;

function Relationship({ person, onSaved }: { person: PersonDetail; onSaved: () => void }) {
  const [type, setType] = useState(person.relationshipType);
  const [cadence, setCadence] = useState('');
  const { error, run } = useAction();
  const save = () =>
    run(
      () =>
        api.patch(`/people/${person.id}`, {
          relationshipType: type,
          ...(cadence === '' ? {} : { cadenceDays: cadence === 'none' ? null : Number(cadence) }),
        }),
      onSaved,
    );
  return (
    <div className="panel">
      <ErrorBanner error={error} />
      <div className="field-row">
        <div>
          <label htmlFor="rel-type">Relationship</label>
          <select id="rel-type" value={type} onChange={(e) => setType(e.target.value)}>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="rel-cadence">Keep in touch every (days)</label>
          <input
            id="rel-cadence"
            inputMode="numeric"
            placeholder="type's default"
            value={cadence}
            onChange={(e) => setCadence(e.target.value)}
          />
        </div>
        <button type="button" onClick={save}>
          Save
        </button>
      </div>
    </div>
  );
}

function Plans({ personId }: { personId: number }) {
  const { data } = useApi<{ items: PlanView[] }>(`/plans?person=${personId}&limit=100`);
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="plans">
      <h2 id="plans">Plans</h2>
      <ul>
        {data.items.map((p) => (
          <li key={p.id}>
            <Link to={`/plans/${p.id}`}>
              {STEP_LABELS[p.kind] ?? p.kind} — {p.status.replace('_', '-')}
            </Link>
            {p.when ? ` · ${p.when}` : ''}
            {p.outcome ? <div className="muted">Outcome: {p.outcome}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewDeal({ person, onAdded }: { person: PersonDetail; onAdded: () => void }) {
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState('');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('');
  const { error, run } = useAction();
  const add = (event: FormEvent) => {
    event.preventDefault();
    return run(
      () =>
        api.post('/deals', {
          title: title.trim(),
          people: [person.id],
          ...(stage.trim() ? { stage: stage.trim() } : {}),
          ...(value.trim() ? { value: Number(value) } : {}),
          ...(currency.trim() ? { currency: currency.trim().toUpperCase() } : {}),
        }),
      () => {
        setTitle('');
        setStage('');
        setValue('');
        onAdded();
      },
    );
  };
  return (
    <form className="panel" onSubmit={add} aria-label={`Open a deal with ${person.name}`}>
      <ErrorBanner error={error} />
      <div className="field-row">
        <div>
          <label htmlFor="deal-title">New deal</label>
          <input
            id="deal-title"
            required
            value={title}
            placeholder="e.g. Pilot, 20 seats"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="deal-stage">Stage</label>
          <input
            id="deal-stage"
            value={stage}
            placeholder="lead"
            onChange={(e) => setStage(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="deal-value">Value</label>
          <input
            id="deal-value"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            size={8}
          />
        </div>
        <div>
          <label htmlFor="deal-currency">Currency</label>
          <input
            id="deal-currency"
            value={currency}
            placeholder="EUR"
            maxLength={3}
            size={4}
            onChange={(e) => setCurrency(e.target.value)}
          />
        </div>
        <button type="submit">Open the deal</button>
      </div>
    </form>
  );
}

/** Their deals, with won / lost for open ones; open deals put the person first in Today. */
function Deals({ person, onChanged }: { person: PersonDetail; onChanged: () => void }) {
  const { error, run } = useAction();
  const close = (id: number, outcome: 'won' | 'lost') =>
    run(() => api.post(`/deals/${id}/close`, { outcome }), onChanged);
  return (
    <section aria-labelledby="deals">
      <h2 id="deals">Deals</h2>
      <ErrorBanner error={error} />
      {person.deals.length === 0 ? <p className="muted">No deal with them yet.</p> : null}
      <ul>
        {person.deals.map((d) => (
          <li key={d.id}>
            {d.title} — {d.status === 'open' ? d.stage : d.status}
            {d.value !== null ? ` · ${d.value.toLocaleString()} ${d.currency ?? ''}` : ''} · opened{' '}
            {day(d.openedAt)}
            {d.closedAt ? `, closed ${day(d.closedAt)}` : ''}
            {d.status === 'open' ? (
              <>
                {' '}
                <button type="button" onClick={() => close(d.id, 'won')} aria-label={`${d.title}: won`}>
                  Won
                </button>{' '}
                <button type="button" onClick={() => close(d.id, 'lost')} aria-label={`${d.title}: lost`}>
                  Lost
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <NewDeal person={person} onAdded={onChanged} />
    </section>
  );
}

function Merges({ person, onChanged }: { person: PersonDetail; onChanged: () => void }) {
  const suggestions = useApi<{ items: SuggestionView[] }>('/duplicates?limit=500');
  const merges = useApi<{ items: MergeView[] }>('/merges?limit=500');
  const { error, run } = useAction();
  const mine = (suggestions.data?.items ?? []).filter(
    (s) => s.keepId === person.id || s.mergeId === person.id,
  );
  const kept = (merges.data?.items ?? []).filter((m) => m.keptId === person.id && m.undoneAt === null);
  if (mine.length === 0 && kept.length === 0) return null;
  const act = (call: () => Promise<unknown>) =>
    run(call, () => {
      suggestions.reload();
      merges.reload();
      onChanged();
    });
  return (
    <section aria-labelledby="merges">
      <h2 id="merges">Same human?</h2>
      <ErrorBanner error={error} />
      {mine.map((s) => {
        const other =
          s.keepId === person.id ? { id: s.mergeId, name: s.mergeName } : { id: s.keepId, name: s.keepName };
        return (
          <div className="panel" key={`${s.keepId}-${s.mergeId}`}>
            <p>
              <Link to={`/people/${other.id}`}>{other.name}</Link> may be the same person (
              {percent(s.confidence)} sure): {s.reasons.join('; ')}.
            </p>
            <button
              type="button"
              onClick={() => act(() => api.post('/merges', { keepId: person.id, mergeId: other.id }))}
            >
              Merge {other.name} into {person.name}
            </button>
          </div>
        );
      })}
      {kept.map((m) => (
        <div className="panel" key={m.id}>
          <p>
            Merged from {m.mergedName} on {day(m.createdAt)} — {m.reason}
            {m.confidence === null ? '' : ` (${percent(m.confidence)} sure)`}.
          </p>
          <button type="button" onClick={() => act(() => api.post(`/merges/${m.id}/undo`))}>
            Unmerge {m.mergedName}
          </button>
        </div>
      ))}
    </section>
  );
}

export default function PersonPage({ id }: { id: number }) {
  const { data: person, error, loading, reload } = useApi<PersonDetail>(`/people/${id}`);
  const [logging, setLogging] = useState(false);
  const planning = useAction();
  if (error) return <ErrorBanner error={error} />;
  if (loading && !person) return <Loading what="this person" />;
  if (!person) return null;
  const now = Date.now();
  const e = person.evaluation;
  const online = person.timeline.filter((t) => !isOffline(t.channel));
  const offline = person.timeline.filter((t) => isOffline(t.channel));
  const item = (t: PersonDetail['timeline'][number]) => (
    <div className="item" key={t.id}>
      <div className="muted">
        {day(t.at)} · {t.activity ?? CHANNEL_LABELS[t.channel] ?? t.channel} · {networkName(t.network)}
        {t.direction === 'in' ? ' · from them' : t.direction === 'out' ? ' · from you' : ''}
        {t.length && (t.channel === 'call' || t.channel === 'video' || t.channel === 'in_person')
          ? ` · ${t.length} min`
          : ''}
      </div>
      {t.snippet ? <div>{t.snippet}</div> : null}
      {t.note ? <div>Note: {t.note}</div> : null}
    </div>
  );

  return (
    <>
      <h1>{person.name}</h1>
      <p className="lead">
        {[person.title, person.company, person.location].filter(Boolean).join(' · ') ||
          'No company or title known'}
        {person.connectedAt ? ` · connected ${day(person.connectedAt)}` : ''}
      </p>
      <FlagTags flags={person.flags} />
      <div className="panel">
        <p>{e.reason}</p>
        <p>
          <strong>Next: {STEP_LABELS[e.nextStep.kind] ?? e.nextStep.kind}</strong> — {e.nextStep.why}
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() =>
              planning.run(async () => {
                const created = await api.post<{ plan: { id: number } }>('/plans', { person: person.id });
                navigate(`/plans/${created.plan.id}`);
              })
            }
          >
            Plan it
          </button>
          <button type="button" onClick={() => setLogging((v) => !v)} aria-expanded={logging}>
            Log a conversation
          </button>
        </div>
      </div>
      <ErrorBanner error={planning.error} />
      {logging ? (
        <LogForm
          personId={person.id}
          personName={person.name}
          onLogged={() => {
            setLogging(false);
            reload();
          }}
          onCancel={() => setLogging(false)}
        />
      ) : null}

      <h2>Strength {Math.round(e.score.strength)} of 100</h2>
      <div className="terms">
        {TERMS.map((t) => (
          <div className="panel" key={t.key}>
            <strong>{t.label}</strong>: {e.score.contributions[t.key].toFixed(1)} points
            <div className="muted">{t.explain}</div>
          </div>
        ))}
      </div>
      <h2>Balance</h2>
      <BalanceBar offlineRatio={e.balance.offlineRatio} />
      <p className="muted">
        {percent(e.balance.offlineRatio)} of recent contact was a real conversation (email, call, video, in
        person); {percent(e.balance.liveRatio)} was live. Last real conversation:{' '}
        {ago(e.lastRealConversationAt, now)}.
      </p>

      <h2>On the networks</h2>
      <ul>
        {person.identities.map((i) => (
          <li key={`${i.network}:${i.key}`}>
            {networkName(i.network)}: {i.handle ?? i.displayName ?? i.key}
            {i.profileUrl && /^https?:\/\//i.test(i.profileUrl) ? (
              <>
                {' '}
                (
                <a href={i.profileUrl} rel="noopener noreferrer" target="_blank">
                  profile
                </a>
                )
              </>
            ) : null}
          </li>
        ))}
      </ul>

      <Plans personId={person.id} />
      <Deals person={person} onChanged={reload} />
      <Relationship person={person} onSaved={reload} />
      <Merges person={person} onChanged={reload} />

      <h2>Timeline</h2>
      <p className="muted">
        The latest {person.timeline.length} of {person.timelineTotal} touches.
      </p>
      <div className="timeline">
        <div className="lane-head">Online</div>
        <div className="lane-head">Offline</div>
        <div>{online.map(item)}</div>
        <div>{offline.length ? offline.map(item) : <p className="muted">No real conversation yet.</p>}</div>
      </div>
    </>
  );
}
