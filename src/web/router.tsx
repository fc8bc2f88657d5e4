import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

/**
 * A small router over the History API: the server answers every app path with index.html,
 * and pages read their parameters from the matched route.
 */

export type Route =
  | { page: 'today' }
  | { page: 'people' }
  | { page: 'person'; id: number }
  | { page: 'plan'; id: number }
  | { page: 'insights' }
  | { page: 'map' }
  | { page: 'import' }
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

/** The route a path names. Pure. */
export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/today') return { page: 'today' };
  const person = /^\/people\/(\d+)$/.exec(clean);
  if (person) return { page: 'person', id: Number(person[1]) };
  const plan = /^\/plans\/(\d+)$/.exec(clean);
  if (plan) return { page: 'plan', id: Number(plan[1]) };
  const simple = ['people', 'insights', 'map', 'import', 'settings'] as const;
  for (const page of simple) if (clean === `/${page}`) return { page };
  return { page: 'not-found', path };
}

const listeners = new Set<() => void>();

/** Goes to an app path without reloading the page. */
export function navigate(to: string): void {
  if (to === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The current path and search, re-rendering on navigation and on back/forward. */
const readLocation = () => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
});

export function useLocation(): { path: string; search: URLSearchParams } {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** An in-app link: a real <a href> (so it opens in a new tab too), navigating in place on a plain click. */
export function Link(props: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page';
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick} className={props.className} aria-current={props['aria-current']}>
      {props.children}
    </a>
  );
}
