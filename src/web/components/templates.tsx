import { useState } from 'react';
import { PLACEHOLDERS } from '../../core/draft.js';
import type { MessageTemplate } from '../../services/planning-settings.service.js';
import { api } from '../api.js';
import { useAction } from '../use-action.js';
import { useApi } from '../use-api.js';
import { ErrorBanner, Loading } from './status.js';

const KNOWN = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

function Template({ template, onSaved }: { template: MessageTemplate; onSaved: () => void }) {
  const [text, setText] = useState(template.template);
  const { error, run } = useAction();
  const id = `template-${template.kind}`;
  return (
    <div>
      <label htmlFor={id}>
        {template.kind}
        {template.custom ? <span className="muted"> (yours)</span> : null}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ minHeight: '8rem' }}
      />
      <div className="actions">
        <button
          type="button"
          disabled={text === template.template}
          onClick={() => run(() => api.put(`/settings/templates/${template.kind}`, { text }), onSaved)}
        >
          Save
        </button>
        {template.custom ? (
          <button
            type="button"
            onClick={() => run(() => api.delete(`/settings/templates/${template.kind}`), onSaved)}
          >
            Back to Rapport's
          </button>
        ) : null}
      </div>
      <ErrorBanner error={error} />
    </div>
  );
}

/** The message templates drafts are written from, one per kind of step. */
export function TemplatesForm() {
  const { data, error, loading, reload } = useApi<MessageTemplate[]>('/settings/templates');
  if (loading && !data) return <Loading what="message templates" />;
  if (!data) return <ErrorBanner error={error} />;
  return (
    <section className="panel" aria-labelledby="templates">
      <h2 id="templates">Message templates</h2>
      <p className="muted">Plain text. Placeholders: {KNOWN}. An unknown placeholder is refused.</p>
      <div className="terms">
        {data.map((t) => (
          <Template key={`${t.kind}:${t.template}`} template={t} onSaved={reload} />
        ))}
      </div>
    </section>
  );
}
