import { useState } from 'react';
import type { TodayEntry } from '../../services/today.service.js';
import { type ApiError, api } from '../api.js';
import { FlagTags } from '../components/balance-bar.js';
import { LogForm } from '../components/log-form.js';
import { Empty, ErrorBanner, Loading } from '../components/status.js';
import { STEP_LABELS } from '../format.js';
import { Link, navigate } from '../router.js';
import { useApi } from '../use-api.js';

const BUCKETS: Record<string, string> = {
  stuck: 'Stuck online',
  overdue: 'Overdue',
  dormant: 'Gone quiet',
};

function Entry({ entry, onChanged }: { entry: TodayEntry; onChanged: () => void }) {
  const [logging, setLogging] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [planning, setPlanning] = useState(false);
  const [kind, setKind] = useState('');
  const plan = async () => {
    setPlanning(true);
    setError(undefined);
    try {
      const created = await api.post<{ plan: { id: number } }>('/plans', {
        person: entry.id,
        ...(kind ? { kind } : {}),
      });
      navigate(`/plans/${created.plan.id}`);
    } catch (e) {
      setError(e as ApiError);
      setPlanning(false);
    }
  };
  return (
    <article className="card" aria-labelledby={`today-${entry.id}`}>
      <header>
        <h2 id={`today-${entry.id}`}>
          <Link to={`/people/${entry.id}`}>{entry.name}</Link>
        </h2>
        <span className="muted">
          {BUCKETS[entry.bucket] ?? entry.bucket} · strength {Math.round(entry.strength)}
        </span>
      </header>
      {entry.company || entry.title ? (
        <div className="muted">{[entry.title, entry.company].filter(Boolean).join(', ')}</div>
      ) : null}
      <p className="why">{entry.reason}</p>
      <p>
        <strong>Next: {STEP_LABELS[entry.nextStep.kind] ?? entry.nextStep.kind}</strong> —{' '}
        {entry.nextStep.why}
      </p>
      <FlagTags flags={entry.flags} />
      {entry.plan ? (
        <p>
          Planned: {STEP_LABELS[entry.plan.kind] ?? entry.plan.kind}
          {entry.plan.when ? `, ${entry.plan.when}` : ''} — {entry.plan.status}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      <div className="actions">
        {entry.plan ? (
          <Link to={`/plans/${entry.plan.id}`} className="button primary">
            Open the plan
          </Link>
        ) : (
          <>
            <button type="button" className="primary" onClick={plan} disabled={planning}>
              Plan it
            </button>
            <select
              aria-label={`Kind of step with ${entry.name}`}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              <option value="">as suggested</option>
              <option value="coffee">as a coffee</option>
              <option value="lunch">as a lunch</option>
              <option value="video">as a video call</option>
              <option value="call">as a call</option>
              <option value="email">as an email</option>
            </select>
          </>
        )}
        <button type="button" onClick={() => setLogging((v) => !v)} aria-expanded={logging}>
          Log it
        </button>
      </div>
      {logging ? (
        <LogForm
          personId={entry.id}
          personName={entry.name}
          onLogged={() => {
            setLogging(false);
            onChanged();
          }}
          onCancel={() => setLogging(false)}
        />
      ) : null}
    </article>
  );
}

/** While the book is the sample, say so, and how to swap in one's own export. */
function SampleNotice({ onRemoved }: { onRemoved: () => void }) {
  const { data, reload } = useApi<{ importId: number | null }>('/imports/sample');
  const [error, setError] = useState<ApiError>();
  if (!data || data.importId === null) return null;
  const remove = async () => {
    setError(undefined);
    try {
      await api.post(`/imports/${data.importId}/undo`);
      reload();
      onRemoved();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div className="notice" role="note">
      <p>
        This is a <strong>sample book</strong> for a fictional salesperson, so you can try everything. To see
        your own relationships, <Link to="/import">import your export</Link> — the LinkedIn zip is a good
        start — and then remove the sample.
      </p>
      <ErrorBanner error={error} />
      <button type="button" onClick={remove}>
        Remove the sample
      </button>
    </div>
  );
}

export default function TodayPage() {
  const { data, error, loading, reload } = useApi<{ now: number; entries: TodayEntry[] }>('/today');
  return (
    <>
      <h1>Today</h1>
      <p className="lead">
        The people to take offline now: stuck online first, then overdue, then gone quiet.
      </p>
      <SampleNotice onRemoved={reload} />
      <ErrorBanner error={error} />
      {loading && !data ? <Loading what="today's people" /> : null}
      {data && data.entries.length === 0 ? (
        <Empty title="Nobody to take offline today">
          <p>
            Everyone you talk to online has had a real conversation lately. <Link to="/import">Import</Link>{' '}
            another export to see more of your book, or look through <Link to="/people">People</Link>.
          </p>
        </Empty>
      ) : null}
      <div className="cards">
        {data?.entries.map((entry) => (
          <Entry key={entry.id} entry={entry} onChanged={reload} />
        ))}
      </div>
    </>
  );
}
