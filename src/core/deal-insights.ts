import { DAY_MS } from './duration.js';
import { median, rate } from './median.js';

/**
 * Whether deals close better after a real conversation: win rate and cycle length of closed deals,
 * with and without a live conversation before the close (docs/insights.md).
 */

/** A deal as the insight reads it. */
export interface DealFacts {
  /** open, won or lost; open deals are left out. */
  status: string;
  openedAt: number;
  closedAt: number | null;
  /** Each of the deal's people: their first call, video call or in-person meeting, if any. */
  people: readonly { firstLiveAt: number | null }[];
}

/** Closed deals of one kind, each figure with the count behind it. */
export interface DealSplit {
  /** Closed deals (won + lost): the n behind both figures. */
  closed: number;
  won: number;
  lost: number;
  /** won / closed; null when nothing closed. */
  winRate: number | null;
  /** Median days from opened to closed; null when nothing closed. */
  medianCycleDays: number | null;
}

export interface DealInsights {
  all: DealSplit;
  /** Closed deals where someone in the deal had a call, video call or meeting with the user at or before the close. */
  withLive: DealSplit;
  /** The other closed deals. */
  withoutLive: DealSplit;
}

/** True when one of the deal's people had a live conversation at or before the deal closed; never throws. */
export function hadLiveBeforeClose(deal: DealFacts): boolean {
  const closedAt = deal.closedAt;
  return closedAt !== null && deal.people.some((p) => p.firstLiveAt !== null && p.firstLiveAt <= closedAt);
}

function split(deals: readonly DealFacts[]): DealSplit {
  const won = deals.filter((d) => d.status === 'won').length;
  return {
    closed: deals.length,
    won,
    lost: deals.length - won,
    winRate: rate(won, deals.length),
    medianCycleDays: median(deals.map((d) => (d.closedAt! - d.openedAt) / DAY_MS)),
  };
}

/** Win rate and median cycle of the won and lost deals, overall and split by a live conversation before the close. Never throws. */
export function dealInsights(deals: readonly DealFacts[]): DealInsights {
  const closed = deals.filter((d) => (d.status === 'won' || d.status === 'lost') && d.closedAt !== null);
  return {
    all: split(closed),
    withLive: split(closed.filter(hadLiveBeforeClose)),
    withoutLive: split(closed.filter((d) => !hadLiveBeforeClose(d))),
  };
}
