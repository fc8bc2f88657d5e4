import { percent } from '../format.js';

/** Online vs offline share of a relationship as a bar, with the figure in words for screen readers. */
export function BalanceBar({ offlineRatio }: { offlineRatio: number | null }) {
  if (offlineRatio === null) return <span className="muted">no touches yet</span>;
  const off = Math.round(offlineRatio * 100);
  return (
    <div
      className="balance"
      role="img"
      aria-label={`${percent(offlineRatio)} offline, ${100 - off}% online`}
      title={`${percent(offlineRatio)} offline`}
    >
      <span className="off" style={{ width: `${off}%` }} />
      <span className="on" style={{ width: `${100 - off}%` }} />
    </div>
  );
}

export function FlagTags({ flags }: { flags: readonly string[] }) {
  return (
    <>
      {flags.map((flag) => (
        <span key={flag} className={`tag ${flag}`}>
          {flag === 'stuck' ? 'stuck online' : flag}
        </span>
      ))}
    </>
  );
}
