import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api.js';
import { ErrorBanner } from './status.js';

const KINDS = ['coffee', 'lunch', 'meeting', 'video', 'call', 'email'] as const;

/** "Log it" in ten seconds: what kind of conversation, when, how long, a note. */
export function LogForm(props: {
  personId: number;
  personName: string;
  onLogged: () => void;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<string>('coffee');
  const [when, setWhen] = useState('');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const id = `log-${props.personId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/people/${props.personId}/log`, {
        kind,
        ...(when ? { at: new Date(when).getTime() } : {}),
        ...(minutes ? { minutes: Number(minutes) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onLogged();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="panel" aria-label={`Log a conversation with ${props.personName}`}>
      <ErrorBanner error={error} />
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-when`}>When (empty: now)</label>
          <input
            id={`${id}-when`}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-minutes`}>Minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
      </div>
      <label htmlFor={`${id}-note`}>Note</label>
      <input
        id={`${id}-note`}
        type="text"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        style={{ width: '100%' }}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Log it
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
