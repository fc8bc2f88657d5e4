import { useEffect, useState } from 'react';
import type { FollowUp, PlanMove } from '../../core/plan-status.js';
import type { PlanView } from '../../services/plan-view.js';
import { type ApiError, api } from '../api.js';
import { ErrorBanner, Loading } from '../components/status.js';
import { STEP_LABELS } from '../format.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

const STATUS_WORDS: Record<string, string> = {
  suggested: 'Suggested — not sent yet',
  proposed: 'Proposed — waiting for their answer',
  scheduled: 'Scheduled',
  done: 'Done',
  declined: 'Declined',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

interface Moved {
  plan: PlanView;
  inviteMissing: string | null;
  followUp?: FollowUp;
}

function Draft({ plan, onSaved }: { plan: PlanView; onSaved: (plan: PlanView) => void }) {
  const [text, setText] = useState(plan.draft ?? '');
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => setText(plan.draft ?? ''), [plan.draft]);
  const save = async () => {
    setError(undefined);
    try {
      onSaved(await api.put<PlanView>(`/plans/${plan.id}/draft`, { text }));
      setNote('Saved.');
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied: paste it into your message to them.');
    } catch {
      setNote('The browser did not allow copying; select the text and copy it by hand.');
    }
  };
  return (
    <section aria-labelledby="draft">
      <h2 id="draft">Message draft</h2>
      <ErrorBanner error={error} />
      <label htmlFor="draft-text" className="visually-hidden">
        Message to {plan.personName}
      </label>
      <textarea id="draft-text" value={text} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy to clipboard
        </button>
        <button type="button" onClick={save} disabled={text === (plan.draft ?? '')}>
          Save changes
        </button>
        <span className="muted" aria-live="polite">
          {note}
        </span>
      </div>
    </section>
  );
}

function Done({ plan, onMoved }: { plan: PlanView; onMoved: (moved: Moved) => void }) {
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState(plan.minutes ? String(plan.minutes) : '');
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    setError(undefined);
    try {
      onMoved(
        await api.post<Moved>(`/plans/${plan.id}/done`, {
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(minutes && plan.kind !== 'email' ? { minutes: Number(minutes) } : {}),
        }),
      );
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div className="panel">
      <h3>It happened</h3>
      <ErrorBanner error={error} />
      <label htmlFor="outcome">How did it go? What did you agree?</label>
      <textarea
        id="outcome"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        style={{ minHeight: '5rem' }}
      />
      {plan.kind !== 'email' ? (
        <>
          <label htmlFor="done-minutes">Minutes</label>
          <input
            id="done-minutes"
            type="number"
            min={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={submit}>
          Mark done
        </button>
      </div>
    </div>
  );
}

export default function PlanPage({ id }: { id: number }) {
  const loaded = useApi<PlanView>(`/plans/${id}`);
  const [plan, setPlan] = useState<PlanView>();
  const [slot, setSlot] = useState(1);
  const [at, setAt] = useState('');
  const [error, setError] = useState<ApiError>();
  const [inviteMissing, setInviteMissing] = useState<string | null>(null);
  const [followUp, setFollowUp] = useState<FollowUp>();
  useEffect(() => setPlan(loaded.data), [loaded.data]);

  if (loaded.error) return <ErrorBanner error={loaded.error} />;
  if (!plan) return <Loading what="the plan" />;

  const moved = (result: Moved) => {
    setPlan(result.plan);
    setInviteMissing(result.inviteMissing);
    if (result.followUp) setFollowUp(result.followUp);
  };
  const move = async (move: PlanMove, body: Record<string, unknown> = {}) => {
    setError(undefined);
    try {
      moved(await api.post<Moved>(`/plans/${plan.id}/${move === 'no_show' ? 'no-show' : move}`, body));
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const can = (m: PlanMove) => plan.moves.includes(m);
  const meeting = plan.kind !== 'email';

  return (
    <>
      <p>
        <Link to="/">← Today</Link>
      </p>
      <h1>
        {STEP_LABELS[plan.kind] ?? plan.kind} with{' '}
        <Link to={`/people/${plan.personId}`}>{plan.personName}</Link>
      </h1>
      <p className="lead">
        Plan #{plan.id} · {STATUS_WORDS[plan.status] ?? plan.status}
        {plan.minutes ? ` · ${plan.minutes} minutes` : ''}
      </p>
      <p>{plan.why}</p>
      <ErrorBanner error={error} />
      {inviteMissing ? <div className="notice">{inviteMissing}</div> : null}

      {meeting && plan.slots.length ? (
        <section aria-labelledby="slots">
          <h2 id="slots">Free times</h2>
          <fieldset className="panel" disabled={!can('propose') && !can('schedule')}>
            <legend className="visually-hidden">Choose a time</legend>
            <ul className="slots">
              {plan.slots.map((s, i) => (
                <li key={s.start}>
                  <label style={{ fontWeight: 'normal', display: 'inline' }}>
                    <input
                      type="radio"
                      name="slot"
                      checked={slot === i + 1}
                      onChange={() => setSlot(i + 1)}
                    />{' '}
                    {s.label}
                  </label>
                </li>
              ))}
            </ul>
            <div className="actions">
              {can('propose') ? (
                <button type="button" onClick={() => move('propose', { slot })}>
                  I sent these times
                </button>
              ) : null}
              {can('schedule') ? (
                <button type="button" className="primary" onClick={() => move('schedule', { slot })}>
                  They picked this time
                </button>
              ) : null}
            </div>
            {can('schedule') ? (
              <div className="field-row">
                <div>
                  <label htmlFor="other-time">Or another time they chose</label>
                  <input
                    id="other-time"
                    type="datetime-local"
                    value={at}
                    onChange={(e) => setAt(e.target.value)}
                  />
                </div>
                <button
                  type="button"
                  disabled={!at}
                  onClick={() => move('schedule', { at: new Date(at).getTime() })}
                >
                  Schedule
                </button>
              </div>
            ) : null}
          </fieldset>
        </section>
      ) : null}
      {plan.when ? (
        <p>
          <strong>When:</strong> {plan.when}
          {plan.location ? ` · ${plan.location}` : ''}
          {plan.videoLink ? ` · ${plan.videoLink}` : ''}
        </p>
      ) : null}
      {meeting ? (
        <p>
          <a
            className="button"
            href={`/api/v1/plans/${plan.id}/invite.ics`}
            download={`rapport-plan-${plan.id}.ics`}
          >
            Download the invite (.ics)
          </a>{' '}
          <span className="muted">Opens in Google Calendar, Outlook and Apple Calendar.</span>
        </p>
      ) : null}

      {plan.status !== 'done' &&
      plan.status !== 'cancelled' &&
      plan.status !== 'declined' &&
      plan.status !== 'no_show' ? (
        <Draft plan={plan} onSaved={setPlan} />
      ) : null}

      {can('done') ? <Done plan={plan} onMoved={moved} /> : null}
      {plan.outcome ? (
        <p>
          <strong>Outcome:</strong> {plan.outcome}
        </p>
      ) : null}
      {followUp ? (
        <section className="panel" aria-labelledby="follow-up">
          <h2 id="follow-up">Next</h2>
          <p>{followUp.text}</p>
          <p>
            Then: <strong>{STEP_LABELS[followUp.next.kind] ?? followUp.next.kind}</strong> —{' '}
            {followUp.next.why}
          </p>
        </section>
      ) : null}

      <div className="actions">
        {can('decline') ? (
          <button type="button" onClick={() => move('decline')}>
            They declined
          </button>
        ) : null}
        {can('no_show') ? (
          <button type="button" onClick={() => move('no_show')}>
            They did not show up
          </button>
        ) : null}
        {can('cancel') ? (
          <button type="button" onClick={() => move('cancel')}>
            Cancel the plan
          </button>
        ) : null}
      </div>
    </>
  );
}
