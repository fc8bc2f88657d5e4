import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';

/** An API error as the user should read it: the message, and the stable id for a bug report. */
export function ErrorBanner({ error }: { error: ApiError | Error | undefined }) {
  if (!error) return null;
  const code = 'code' in error ? (error as ApiError).code : undefined;
  return (
    <div className="error" role="alert">
      {error.message}
      {code ? <span className="muted"> ({code})</span> : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** What to do when a page has nothing to show yet. */
export function Empty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="panel empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
