import { useMemo, useState } from 'react';
import type { Rung } from '../../core/funnel.js';
import type { Insights } from '../../services/insights.service.js';
import { Chart, type ChartOption } from '../components/chart.js';
import { Empty, ErrorBanner, Loading } from '../components/status.js';
import { day, networkName, percent } from '../format.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

const RUNG_WORDS: Record<Rung, string> = {
  connected: 'Connected',
  engaged_online: 'Engaged online',
  emailed: 'Emailed',
  live: 'Live conversation',
  met: 'Met in person',
  deal: 'Deal',
};

/** "42% (21 of 50)", or "–" with nothing behind it. */
function share(part: number, whole: number): string {
  return whole === 0 ? '– (0 of 0)' : `${percent(part / whole)} (${part} of ${whole})`;
}

function Funnel({ data }: { data: Insights }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 130, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: data.funnel.rungs.map((r) => RUNG_WORDS[r.rung]) },
      series: [
        {
          type: 'bar',
          name: 'People',
          data: data.funnel.rungs.map((r) => r.reached),
          itemStyle: { color: '#1f5fbf' },
        },
      ],
    }),
    [data],
  );
  return (
    <section aria-labelledby="funnel">
      <h2 id="funnel">From online to offline</h2>
      <p className="muted">
        How far each of the {data.funnel.people} people on the ladder got. A deeper rung counts the shallower
        ones as reached.
      </p>
      <Chart option={option} label="Bar chart: people who reached each rung, from connected to deal" />
      <table>
        <thead>
          <tr>
            <th scope="col">Rung</th>
            <th scope="col" className="num">
              Reached
            </th>
            <th scope="col" className="num">
              From the rung before
            </th>
            <th scope="col" className="num">
              Median days
            </th>
          </tr>
        </thead>
        <tbody>
          {data.funnel.rungs.map((r, i) => {
            const step = i === 0 ? undefined : data.funnel.steps[i - 1];
            return (
              <tr key={r.rung}>
                <th scope="row">{RUNG_WORDS[r.rung]}</th>
                <td className="num">{r.reached}</td>
                <td className="num">{step ? share(step.converted, step.started) : ''}</td>
                <td className="num">
                  {step?.medianDays === null || !step ? '–' : step.medianDays.toFixed(1)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Groups({ data }: { data: Insights }) {
  if (!data.groups?.length) return null;
  const label = (key: string) => (data.by === 'network' ? networkName(key) : key);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 50, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: data.groups.map((g) => label(g.key)), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: (['emailed', 'live', 'met'] as const).map((rung) => ({
      type: 'bar',
      name: `${RUNG_WORDS[rung]} (% of connected)`,
      data: data.groups!.map((g) => {
        const reached = g.funnel.rungs.find((r) => r.rung === rung)?.reached ?? 0;
        return g.funnel.people ? Math.round((reached / g.funnel.people) * 100) : 0;
      }),
    })),
  };
  return (
    <section aria-labelledby="groups">
      <h2 id="groups">By {data.by === 'network' ? 'source network' : 'month connected'}</h2>
      <Chart
        option={option}
        label={`Bar chart: share of people who reached email, a live conversation and a meeting, by ${data.by}`}
      />
      <table>
        <thead>
          <tr>
            <th scope="col">{data.by === 'network' ? 'Network' : 'Month'}</th>
            <th scope="col" className="num">
              People
            </th>
            <th scope="col" className="num">
              Emailed
            </th>
            <th scope="col" className="num">
              Live
            </th>
            <th scope="col" className="num">
              Met
            </th>
          </tr>
        </thead>
        <tbody>
          {data.groups.map((g) => {
            const n = (rung: Rung) => g.funnel.rungs.find((r) => r.rung === rung)?.reached ?? 0;
            return (
              <tr key={g.key}>
                <th scope="row">{label(g.key)}</th>
                <td className="num">{g.funnel.people}</td>
                <td className="num">{share(n('emailed'), g.funnel.people)}</td>
                <td className="num">{share(n('live'), g.funnel.people)}</td>
                <td className="num">{share(n('met'), g.funnel.people)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function OfflineByMonth({ data }: { data: Insights }) {
  const months = data.offlineByMonth.slice(-24);
  if (months.length === 0) return null;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: [
      {
        type: 'line',
        name: 'Offline share',
        data: months.map((m) => Math.round(m.ratio * 100)),
        itemStyle: { color: '#1c7a4a' },
      },
    ],
  };
  return (
    <section aria-labelledby="offline">
      <h2 id="offline">Offline share of your whole book, by month</h2>
      <p className="muted">
        Emails, calls, video calls and meetings over every one-to-one and group touch that month.
      </p>
      <Chart
        option={option}
        label="Line chart: the share of real conversations among all touches, per month"
      />
      <details>
        <summary>The figures</summary>
        <table>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td className="num">{share(m.offline, m.touches)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Deals({ data }: { data: Insights }) {
  const { withLive, withoutLive, all } = data.deals;
  if (all.closed === 0)
    return (
      <section aria-labelledby="deals">
        <h2 id="deals">Deals</h2>
        <p className="muted">
          No closed deals yet: open a deal from a person’s page (or with `rapport deal add`) and mark it won
          or lost to see win rates here.
        </p>
      </section>
    );
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: ['With a live conversation', 'Without'] },
    yAxis: { type: 'value', max: 100, name: 'win %' },
    series: [
      {
        type: 'bar',
        name: 'Win rate',
        data: [withLive.winRate, withoutLive.winRate].map((r) => (r === null ? 0 : Math.round(r * 100))),
        itemStyle: { color: '#7a62c9' },
      },
    ],
  };
  return (
    <section aria-labelledby="deals">
      <h2 id="deals">Deals: does a real conversation help?</h2>
      <Chart
        option={option}
        label="Bar chart: win rate of closed deals with and without a live conversation before the close"
      />
      <table>
        <thead>
          <tr>
            <th scope="col">Closed deals</th>
            <th scope="col" className="num">
              Won
            </th>
            <th scope="col" className="num">
              Median days to close
            </th>
          </tr>
        </thead>
        <tbody>
          {[
            ['With a live conversation before the close', withLive],
            ['Without', withoutLive],
            ['All', all],
          ].map(([name, s]) => {
            const split = s as typeof all;
            return (
              <tr key={name as string}>
                <th scope="row">{name as string}</th>
                <td className="num">{share(split.won, split.closed)}</td>
                <td className="num">
                  {split.medianCycleDays === null ? '–' : split.medianCycleDays.toFixed(0)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export default function InsightsPage() {
  const [by, setBy] = useState<'' | 'network' | 'month'>('network');
  const { data, error, loading } = useApi<Insights>(`/insights${by ? `?by=${by}` : ''}`);
  return (
    <>
      <h1>Insights</h1>
      <p className="lead">
        Whether your relationships leave the feed, and whether that pays off. Every figure shows the counts
        behind it.
      </p>
      <div className="field-row">
        <div>
          <label htmlFor="insights-by">Break down by</label>
          <select id="insights-by" value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
            <option value="network">source network</option>
            <option value="month">month connected</option>
            <option value="">nothing</option>
          </select>
        </div>
      </div>
      <ErrorBanner error={error} />
      {loading && !data ? <Loading what="insights" /> : null}
      {data && data.people === 0 ? (
        <Empty title="No insights yet">
          <p>
            <Link to="/import">Import an export</Link> to see your funnel.
          </p>
        </Empty>
      ) : null}
      {data && data.people > 0 ? (
        <>
          <Funnel data={data} />
          <Groups data={data} />
          <OfflineByMonth data={data} />
          <Deals data={data} />
          <section aria-labelledby="candidates">
            <h2 id="candidates">Talk to them: they comment publicly, never one to one</h2>
            {data.candidates.length === 0 ? (
              <p className="muted">Nobody who replies to your posts is waiting for a conversation.</p>
            ) : (
              <ul>
                {data.candidates.map((c) => (
                  <li key={c.id}>
                    <Link to={`/people/${c.id}`}>{c.name}</Link>
                    {c.company ? `, ${c.company}` : ''} — {c.comments} comment{c.comments === 1 ? '' : 's'},
                    last {day(c.lastCommentAt)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
