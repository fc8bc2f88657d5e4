import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonSummary } from '../../services/people.service.js';
import { type ApiError, api, query } from '../api.js';
import { BalanceBar, FlagTags } from '../components/balance-bar.js';
import { Empty, ErrorBanner, Loading } from '../components/status.js';
import { ago } from '../format.js';
import { Link } from '../router.js';

/** Rows fetched per request; the table asks only for the pages in view. */
const PAGE = 200;
const ROW_HEIGHT = 44;

type Sort = 'strength' | 'name' | 'offline' | 'last' | 'company';
const COLUMNS: { sort: Sort | null; label: string; wide?: boolean }[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'company', label: 'Company', wide: true },
  { sort: 'strength', label: 'Strength' },
  { sort: 'offline', label: 'Online / offline' },
  { sort: 'last', label: 'Last real talk', wide: true },
  { sort: null, label: 'Flags', wide: true },
];

interface PeoplePage {
  total: number;
  items: PersonSummary[];
}

export default function PeoplePage() {
  const [sort, setSort] = useState<Sort>('strength');
  const [filter, setFilter] = useState('');
  const [search, setSearch] = useState('');
  const [needle, setNeedle] = useState('');
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const pages = useRef(new Map<number, PersonSummary[] | 'loading'>());
  const [, setVersion] = useState(0);
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);
  const now = Date.now();

  // Typing settles for a moment before the book is searched again.
  useEffect(() => {
    const timer = setTimeout(() => setNeedle(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      pages.current.set(page, 'loading');
      const mine = generation.current;
      api
        .get<PeoplePage>(`/people${query({ offset: page * PAGE, limit: PAGE, sort, filter, q: needle })}`)
        .then((result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, result.items);
          setTotal(result.total);
          setVersion((v) => v + 1);
        })
        .catch((e: ApiError) => {
          if (mine !== generation.current) return;
          pages.current.delete(page);
          setError(e);
        });
    },
    [sort, filter, needle],
  );

  // A new order, filter or search starts from the top with nothing cached.
  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    setTotal(undefined);
    setError(undefined);
    scroller.current?.scrollTo({ top: 0 });
    load(0);
  }, [load]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    const first = items[0]?.index;
    const last = items.at(-1)?.index;
    if (first === undefined || last === undefined) return;
    // The pages in view, and the one beyond each edge, so a fast scroll rarely meets empty rows.
    const lastPage = Math.ceil((total ?? 0) / PAGE) - 1;
    for (
      let page = Math.max(0, Math.floor(first / PAGE) - 1);
      page <= Math.min(lastPage, Math.floor(last / PAGE) + 1);
      page++
    )
      load(page);
  }, [items, load, total]);

  const row = (index: number): PersonSummary | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE));
    return page === 'loading' || page === undefined ? undefined : page[index % PAGE];
  };

  return (
    <>
      <h1>People</h1>
      <p className="lead">
        Your whole book: how strong each relationship is and how much of it ever left the feed.
      </p>
      <search className="field-row">
        <div>
          <label htmlFor="people-search">Search</label>
          <input
            id="people-search"
            type="search"
            placeholder="Name, company or title"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="people-filter">Show</label>
          <select id="people-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">Everyone</option>
            <option value="stuck">Stuck online</option>
            <option value="overdue">Overdue</option>
            <option value="dormant">Gone quiet</option>
          </select>
        </div>
        <div aria-live="polite" className="muted">
          {total === undefined ? '' : `${total.toLocaleString()} ${total === 1 ? 'person' : 'people'}`}
        </div>
      </search>
      <ErrorBanner error={error} />
      {total === 0 ? (
        <Empty title={needle || filter ? 'Nobody matches' : 'Your book is empty'}>
          {needle || filter ? (
            <p>Try another search or show everyone.</p>
          ) : (
            <p>
              <Link to="/import">Import an export</Link> — LinkedIn, Twitter/X, email, calendars — to see your
              people here.
            </p>
          )}
        </Empty>
      ) : null}
      {total === undefined && !error ? <Loading what="your book" /> : null}
      {total ? (
        <div className="grid-body" ref={scroller}>
          <table className="people-table" aria-rowcount={total + 1}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.label}
                    scope="col"
                    className={c.wide ? 'wide' : undefined}
                    aria-sort={
                      c.sort && c.sort === sort
                        ? c.sort === 'name' || c.sort === 'company'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    {c.sort ? (
                      <button type="button" className="sort" onClick={() => setSort(c.sort!)}>
                        {c.label}
                        {c.sort === sort ? ' ▾' : ''}
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {/* Rows out of view are not in the page: two spacers keep the scroll height true. */}
              <tr className="spacer" style={{ height: items[0]?.start ?? 0 }} />
              {items.map((item) => {
                const person = row(item.index);
                return (
                  <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                    {person ? (
                      <>
                        <td className="cell">
                          <Link to={`/people/${person.id}`}>{person.name}</Link>
                        </td>
                        <td className="cell wide">{person.company ?? ''}</td>
                        <td className="cell num">{Math.round(person.strength)}</td>
                        <td className="cell">
                          <BalanceBar offlineRatio={person.offlineRatio} />
                        </td>
                        <td className="cell wide">{ago(person.lastRealConversationAt, now)}</td>
                        <td className="cell wide">
                          <FlagTags flags={person.flags} />
                        </td>
                      </>
                    ) : (
                      <td className="cell muted" colSpan={COLUMNS.length}>
                        Loading…
                      </td>
                    )}
                  </tr>
                );
              })}
              <tr
                className="spacer"
                style={{ height: Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)) }}
              />
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
