import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash, type Route } from '../../renderer/src/routing/router';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'runs' },
    { name: 'run', runId: 'R 1/2' },
    { name: 'run', runId: 'r-1', stepId: 'r-1/s-3' },
    { name: 'batches' },
    { name: 'batchReview', batchId: 'b-7' },
    { name: 'reviewQueue' },
    { name: 'print', target: 'batch', id: 'b-7' },
    { name: 'print', target: 'run', id: 'r-1' },
  ];

  it.each(routes)('reads back what it writes: %o', (route) => {
    expect(parseHash(hrefOf(route))).toEqual(route);
  });

  it('falls back to the runs table for anything it does not know', () => {
    expect(parseHash('#/nowhere')).toEqual({ name: 'runs' });
    expect(parseHash('')).toEqual({ name: 'runs' });
  });
});
