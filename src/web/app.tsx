import { lazy, Suspense, useEffect, useState } from 'react';
import { Loading } from './components/status.js';
import { Link, matchRoute, type Route, useLocation } from './router.js';
import { applyTheme, storedTheme, type Theme } from './theme.js';

// Each page is its own chunk: charts and the graph load only where they are drawn.
const TodayPage = lazy(() => import('./pages/today-page.js'));
const PeoplePage = lazy(() => import('./pages/people-page.js'));
const PersonPage = lazy(() => import('./pages/person-page.js'));
const PlanPage = lazy(() => import('./pages/plan-page.js'));
const InsightsPage = lazy(() => import('./pages/insights-page.js'));
const MapPage = lazy(() => import('./pages/map-page.js'));
const ImportPage = lazy(() => import('./pages/import-page.js'));
const SettingsPage = lazy(() => import('./pages/settings-page.js'));

const NAV: { to: string; label: string; pages: Route['page'][] }[] = [
  { to: '/', label: 'Today', pages: ['today', 'plan'] },
  { to: '/people', label: 'People', pages: ['people', 'person'] },
  { to: '/insights', label: 'Insights', pages: ['insights'] },
  { to: '/map', label: 'Map', pages: ['map'] },
  { to: '/import', label: 'Import', pages: ['import'] },
  { to: '/settings', label: 'Settings', pages: ['settings'] },
];

const TITLES: Record<Route['page'], string> = {
  today: 'Today',
  people: 'People',
  person: 'Person',
  plan: 'Plan',
  insights: 'Insights',
  map: 'Map',
  import: 'Import',
  settings: 'Settings',
  'not-found': 'Not found',
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage id={route.id} />;
    case 'plan':
      return <PlanPage id={route.id} />;
    case 'insights':
      return <InsightsPage />;
    case 'map':
      return <MapPage />;
    case 'import':
      return <ImportPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return (
        <>
          <h1>Not found</h1>
          <p>
            There is no page at this address. <Link to="/">Go to Today</Link>.
          </p>
        </>
      );
  }
}

export function App() {
  const { path } = useLocation();
  const route = matchRoute(path);
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Rapport`;
  }, [route.page]);

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <nav className="nav" aria-label="Main">
        <div className="brand">Rapport</div>
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.pages.includes(route.page) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="theme">
          <label htmlFor="theme">Theme</label>
          <select id="theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading what="the page" />}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}
