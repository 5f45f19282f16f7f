import { describe, expect, it } from 'vitest';
import { errorsAt, errorsOfList, pageOfPath, pathAndParents } from './errors-by-path.ts';

const error = (path: string) => ({ path, message: `bad ${path}` });

describe('errors by path', () => {
  const errors = [
    error('workload[0].mempolicy.nodes'),
    error('workload[0].mempolicy.nodes[1]'),
    error('workload[0].mempolicy.nodes[1].x'),
    error('workload[0].mempolicy.nodesets'),
  ];

  it('finds the errors at a path and nowhere else', () => {
    expect(errorsAt(errors, 'workload[0].mempolicy.nodes').map((e) => e.path)).toEqual([
      'workload[0].mempolicy.nodes',
    ]);
  });

  it('gives a list input the errors of its items, but not of fields inside them', () => {
    expect(errorsOfList(errors, 'workload[0].mempolicy.nodes').map((e) => e.path)).toEqual([
      'workload[0].mempolicy.nodes',
      'workload[0].mempolicy.nodes[1]',
    ]);
  });

  it('walks from a path out to the part it is in', () => {
    expect(pathAndParents('workload[0].mempolicy.nodes[1]')).toEqual([
      'workload[0].mempolicy.nodes[1]',
      'workload[0].mempolicy.nodes',
      'workload[0].mempolicy',
      'workload[0]',
      'workload',
    ]);
    expect(pathAndParents('name')).toEqual(['name']);
    expect(pathAndParents('')).toEqual([]);
  });

  it('names the page that edits each part', () => {
    expect(pageOfPath('machine.nodes[1].capacity')).toBe('machines');
    expect(pageOfPath('workload[0].cpu')).toBe('workloads');
    expect(pageOfPath('policy.knobs.demotion_enabled')).toBe('policies');
    expect(pageOfPath('run.seed')).toBe('scenarios');
    expect(pageOfPath('')).toBe('scenarios');
  });
});
