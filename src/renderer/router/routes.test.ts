import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './routes.ts';

describe('hash routes', () => {
  it('reads a page, a run and a query', () => {
    expect(parseHash('#/policies').route).toEqual({ page: 'policies' });
    expect(parseHash('#/runs/12').route).toEqual({ page: 'run', runId: 12 });
    expect(parseHash('#/compare?runs=3,4&baseline=1').query).toEqual({ runs: '3,4', baseline: '1' });
  });

  it('sends unknown or empty addresses to the machines page', () => {
    expect(parseHash('').route).toEqual({ page: 'machines' });
    expect(parseHash('#/nowhere').route).toEqual({ page: 'machines' });
    expect(parseHash('#/runs/abc').route).toEqual({ page: 'machines' });
  });

  it('writes what it reads, leaving out empty query values', () => {
    const href = hrefFor({ page: 'compare' }, { runs: '1,2', counter: '', baseline: undefined });
    expect(href).toBe('#/compare?runs=1%2C2');
    expect(parseHash(href).query).toEqual({ runs: '1,2' });
    expect(hrefFor({ page: 'run', runId: 7 })).toBe('#/runs/7');
  });
});
