import { describe, expect, it } from 'vitest';
import { freshErrors, pathKeys } from './fresh-errors.ts';

describe('pathKeys', () => {
  it('reads the paths the validator reports', () => {
    expect(pathKeys('workload[0].mempolicy.nodes[1]')).toEqual(['workload', 0, 'mempolicy', 'nodes', 1]);
    expect(pathKeys('policy.knobs["odd key"]')).toEqual(['policy', 'knobs', 'odd key']);
    expect(pathKeys('')).toEqual([]);
  });

  it('refuses text that is not a path', () => {
    expect(pathKeys('workload[x]')).toBeNull();
  });
});

describe('freshErrors', () => {
  const checked = { workload: [{ cpu: 7, mempolicy: { mode: 'bind', nodes: [0, 5] } }] };
  const errors = [
    { path: 'workload[0].cpu', message: 'node 7 does not exist' },
    { path: 'workload[0].mempolicy.nodes[1]', message: 'node 5 does not exist' },
  ];

  it('keeps every error while the document is the one checked', () => {
    expect(freshErrors(errors, checked, structuredClone(checked))).toEqual(errors);
  });

  it('drops the error of a field edited since, and keeps the others', () => {
    const current = { workload: [{ cpu: 7, mempolicy: { mode: 'bind', nodes: [0, 1] } }] };
    expect(freshErrors(errors, checked, current)).toEqual([errors[0]]);
  });

  it('drops an error whose field is gone', () => {
    expect(freshErrors(errors, checked, { workload: [{ cpu: 7 }] })).toEqual([errors[0]]);
  });

  it('keeps an error at a path it cannot read', () => {
    const odd = [{ path: '??', message: 'odd' }];
    expect(freshErrors(odd, checked, {})).toEqual(odd);
  });
});
