import { type DragEvent, useRef, useState } from 'react';
import type { ImportEvent } from '../../services/import.service.js';
import type { ImportResult } from '../../services/import-report.js';
import type { ImportSummary } from '../../services/imports.service.js';
import { ApiError, api } from '../api.js';
import { Empty, ErrorBanner, Loading } from '../components/status.js';
import { day } from '../format.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number }
  | { step: 'importing'; file: string | null; percent: number | null; scoring: number | null };

/** One line of the import's progress stream (see docs/api.md, POST /imports). */
type StreamLine =
  | { type: 'event'; event: ImportEvent }
  | { type: 'done'; imports: ImportResult[] }
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } };

type ErrorBody = { error?: { code: string; message: string; details?: Record<string, unknown> } };

const failed = (status: number, body: ErrorBody | undefined) =>
  new ApiError(
    body?.error?.code ?? 'http.error',
    body?.error?.message ?? `The server answered ${status}.`,
    status,
    body?.error?.details ?? {},
  );

/**
 * Uploads with XMLHttpRequest (the one browser API that reports upload progress) and reads the
 * server's progress lines as they arrive, until the result or the error.
 */
function upload(
  files: readonly File[],
  region: string,
  onUpload: (percent: number) => void,
  onEvent: (event: ImportEvent) => void,
) {
  return new Promise<ImportResult[]>((resolve, reject) => {
    const form = new FormData();
    if (region.trim()) form.append('region', region.trim());
    for (const file of files) form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(Math.round((e.loaded / e.total) * 100));
    let seen = 0;
    let settled = false;
    const read = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      for (const raw of text.slice(seen, end).split('\n')) {
        if (!raw) continue;
        const line = JSON.parse(raw) as StreamLine;
        if (line.type === 'event') onEvent(line.event);
        else if (line.type === 'done') {
          settled = true;
          resolve(line.imports);
        } else {
          settled = true;
          reject(failed(200, line));
        }
      }
      seen = end;
    };
    xhr.onprogress = read;
    xhr.onerror = () =>
      reject(new ApiError('network.unreachable', 'The upload failed: is `rapport serve` still running?', 0));
    xhr.onload = () => {
      if (xhr.status === 200) {
        read();
        if (!settled)
          reject(new ApiError('http.error', 'The import ended without a result; see Import history.', 200));
        return;
      }
      let body: (ErrorBody & { imports?: ImportResult[] }) | undefined;
      try {
        body = JSON.parse(xhr.responseText) as ErrorBody & { imports?: ImportResult[] };
      } catch {
        body = undefined;
      }
      // A server that does not stream answers the whole result at once.
      if (xhr.status === 201 && body?.imports) resolve(body.imports);
      else reject(failed(xhr.status, body));
    };
    xhr.send(form);
  });
}

function Report({ result }: { result: ImportResult }) {
  return (
    <section className="panel" aria-label={`Import #${result.importId}`}>
      <h3>
        Import #{result.importId}: {result.source} — {result.label}
      </h3>
      <p>
        {result.totals.imported.toLocaleString()} imported, {result.totals.duplicates.toLocaleString()}{' '}
        already there, {result.totals.rejected.toLocaleString()} rejected;{' '}
        {result.totals.peopleCreated.toLocaleString()} new people.
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Read
              </th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
            </tr>
          </thead>
          <tbody>
            {result.files.map((f) => (
              <tr key={f.file}>
                <td>
                  {f.file}
                  {f.status === 'skipped' ? <div className="muted">skipped: {f.reason}</div> : null}
                  {f.rejections.slice(0, 5).map((r) => (
                    <div className="muted" key={`${r.line}-${r.reason}`}>
                      {r.line === undefined ? '' : `line ${r.line}: `}
                      {r.reason}
                    </div>
                  ))}
                </td>
                <td className="num">{f.read}</td>
                <td className="num">{f.imported}</td>
                <td className="num">{f.duplicates}</td>
                <td className="num">{f.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function History({ version }: { version: number }) {
  const { data, error, loading, reload } = useApi<{ items: ImportSummary[] }>(
    `/imports?limit=100&v=${version}`,
  );
  const [undoError, setUndoError] = useState<ApiError>();
  const undo = async (id: number) => {
    setUndoError(undefined);
    try {
      await api.post(`/imports/${id}/undo`);
      reload();
    } catch (e) {
      setUndoError(e as ApiError);
    }
  };
  if (loading && !data) return <Loading what="import history" />;
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      <ErrorBanner error={error ?? undoError} />
      {data && data.items.length === 0 ? <p className="muted">Nothing imported yet.</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Source</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Imported
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.id}</td>
                  <td>
                    {i.source} <span className="muted">{i.label}</span>
                  </td>
                  <td>{day(i.startedAt)}</td>
                  <td>{i.status}</td>
                  <td className="num">{i.totals?.imported.toLocaleString() ?? '–'}</td>
                  <td>
                    {i.status === 'done' ? (
                      <button type="button" onClick={() => undo(i.id)} aria-label={`Undo import #${i.id}`}>
                        Undo
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export default function ImportPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [region, setRegion] = useState('');
  const [over, setOver] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<ApiError>();
  const [results, setResults] = useState<ImportResult[]>([]);
  const [version, setVersion] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    setFiles([...event.dataTransfer.files]);
  };
  const start = async () => {
    setError(undefined);
    setResults([]);
    setPhase({ step: 'uploading', percent: 0 });
    let current: Phase = { step: 'importing', file: null, percent: null, scoring: null };
    try {
      const imports = await upload(
        files,
        region,
        (percent) => setPhase(percent < 100 ? { step: 'uploading', percent } : current),
        (event) => {
          if (event.type === 'file' && event.status === 'reading')
            current = { step: 'importing', file: event.file, percent: 0, scoring: null };
          else if (event.type === 'progress' && event.bytesTotal > 0)
            current = {
              step: 'importing',
              file: event.file,
              percent: Math.round((event.bytesRead / event.bytesTotal) * 100),
              scoring: null,
            };
          else if (event.type === 'scoring')
            current = { step: 'importing', file: null, percent: null, scoring: event.people };
          setPhase(current);
        },
      );
      setResults(imports);
      setFiles([]);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e as ApiError);
      setVersion((v) => v + 1);
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  return (
    <>
      <h1>Import</h1>
      <p className="lead">
        Your own exports: the LinkedIn zip, a Twitter/X archive, Facebook or Instagram downloads, Skype,
        Hangouts, WhatsApp chats, mbox or .eml mail, .ics calendars, vCards and contact CSVs. Rapport
        recognises each by its contents; the same file twice adds nothing. Everything stays on this machine.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a mouse shortcut; the file input inside is the keyboard way */}
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop export files here, or</p>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          aria-label="Choose export files"
        />
        {files.length ? (
          <ul>
            {files.map((f) => (
              <li key={`${f.name}-${f.size}`}>
                {f.name} <span className="muted">({(f.size / 1024 / 1024).toFixed(1)} MB)</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="field-row">
        <div>
          <label htmlFor="import-region">Country for phone numbers without a code (optional)</label>
          <input
            id="import-region"
            maxLength={2}
            placeholder="e.g. DE"
            value={region}
            onChange={(e) => setRegion(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="primary"
          disabled={files.length === 0 || phase.step !== 'idle'}
          onClick={start}
        >
          Import {files.length ? `${files.length} file${files.length === 1 ? '' : 's'}` : ''}
        </button>
      </div>
      <div aria-live="polite">
        {phase.step === 'uploading' ? (
          <p>
            Uploading… <progress max={100} value={phase.percent} aria-label="Upload progress" />{' '}
            {phase.percent}%
          </p>
        ) : null}
        {phase.step === 'importing' ? (
          <p>
            {phase.scoring !== null
              ? `Scoring ${phase.scoring.toLocaleString()} people…`
              : phase.file
                ? `Reading ${phase.file}${phase.percent === null ? '' : ` — ${phase.percent}%`}`
                : 'Importing — reading every file and resolving people…'}
          </p>
        ) : null}
      </div>
      <ErrorBanner error={error} />
      {results.map((r) => (
        <Report key={r.importId} result={r} />
      ))}
      {results.length ? (
        <p>
          See who to take offline on <Link to="/">Today</Link>.
        </p>
      ) : null}
      <History version={version} />
      <Empty title="Where do I get my exports?">
        <p>
          LinkedIn: Settings → Data privacy → Get a copy of your data. Twitter/X: Settings → Your account →
          Download an archive. Google: takeout.google.com (Mail, Calendar, Hangouts, Contacts). Facebook and
          Instagram: Accounts Center → Download your information (JSON).
        </p>
      </Empty>
    </>
  );
}
