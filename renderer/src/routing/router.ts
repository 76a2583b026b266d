import { useSyncExternalStore } from 'react';

/** The station's screens. Hash routes, so the same build works from file:// in Electron. */
export type Route = { name: 'runs' } | { name: 'run'; runId: string };

export function parseHash(hash: string): Route {
  const match = /^#\/runs\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: 'run', runId: decodeURIComponent(match[1]) };
  return { name: 'runs' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'runs':
      return '#/runs';
    case 'run':
      return `#/runs/${encodeURIComponent(route.runId)}`;
    default:
      return route satisfies never;
  }
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseHash(hash);
}
