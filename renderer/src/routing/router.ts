import { useSyncExternalStore } from 'react';

/** The station's screens. Hash routes, so the same build works from file:// in Electron. */
export type Route =
  | { name: 'runs' }
  | { name: 'run'; runId: string; stepId?: string }
  /** Supervisors: the batches on this station, those that need someone first. */
  | { name: 'batches' }
  /** Supervisors: one batch's runs × steps matrix, its progress and its chart. */
  | { name: 'batchReview'; batchId: string }
  /** Supervisors: every operation waiting for a decision. */
  | { name: 'reviewQueue' }
  /** A print-ready record of a batch or of one run, every signature manifested. */
  | { name: 'print'; target: 'batch' | 'run'; id: string };

const patterns: readonly [RegExp, (m: readonly string[]) => Route][] = [
  [/^#\/runs\/([^/?#]+)\/steps\/([^/?#]+)/, (m) => ({ name: 'run', runId: part(m[1]), stepId: part(m[2]) })],
  [/^#\/runs\/([^/?#]+)/, (m) => ({ name: 'run', runId: part(m[1]) })],
  [/^#\/batches\/([^/?#]+)/, (m) => ({ name: 'batchReview', batchId: part(m[1]) })],
  [/^#\/batches\/?$/, () => ({ name: 'batches' })],
  [/^#\/review\/?$/, () => ({ name: 'reviewQueue' })],
  [/^#\/print\/(batch|run)\/([^/?#]+)/, (m) => ({ name: 'print', target: m[1] === 'batch' ? 'batch' : 'run', id: part(m[2]) })],
];

function part(raw: string | undefined): string {
  return decodeURIComponent(raw ?? '');
}

export function parseHash(hash: string): Route {
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(hash);
    if (match) return build(match);
  }
  return { name: 'runs' };
}

export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'runs':
      return '#/runs';
    case 'run':
      return route.stepId === undefined ? `#/runs/${e(route.runId)}` : `#/runs/${e(route.runId)}/steps/${e(route.stepId)}`;
    case 'batches':
      return '#/batches';
    case 'batchReview':
      return `#/batches/${e(route.batchId)}`;
    case 'reviewQueue':
      return '#/review';
    case 'print':
      return `#/print/${route.target}/${e(route.id)}`;
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
